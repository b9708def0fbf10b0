//! X017: a multilateral agreement names the states that are party to it, not only an
//! organisation.

use crate::doc::Node;

use super::parties::{self, TABLE as PARTIES};
use super::{Rule, finding_at};
use crate::diagnostic::{Finding, RuleDoc, Severity};
use crate::index::Index;

pub struct TooFewStateParties;

const AGREEMENTS: &str = "agreements";
const MULTILATERAL: &str = "multilateral-agreement";
/// The fewest state parties a multilateral agreement may list: with one state and an
/// organisation, the record says only "this organisation and Russia", as it once did.
const MIN_STATES: usize = 2;

static DOC: RuleDoc = RuleDoc {
    code: "X017",
    name: "too-few-state-parties",
    severity: Severity::Error,
    summary: "A multilateral agreement lists fewer than two states among its parties.",
    explanation: "## What it does\nWhere the `agreements` table has `kind` and `parties` and the `parties` table has `kind`, reports an agreement of kind `multilateral-agreement` whose `parties` include fewer than two parties of kind `state`. Ids that do not resolve are left to X003.\n\n## Why is this bad?\nThe states that sign or ratify a multilateral agreement are its parties; an organisation such as the CIS or the CSTO is the framework, and is a party only where it signs itself. A record that lists the organisation in place of its members hides the agreement from every per-state query: \"agreements Kazakhstan is party to\" misses it, and per-country counts are wrong.\n\n## Example\n```json\n\"kind\": \"multilateral-agreement\",\n\"parties\": [\"pty-org-cis\", \"pty-rus\"]\n```\nList each member state that a cited source shows signing or ratifying it (`\"parties\": [\"pty-kaz\", \"pty-rus\"]`), cite those sources, and keep the organisation only if it is itself a party.",
};

impl Rule for TooFewStateParties {
    fn doc(&self) -> &'static RuleDoc {
        &DOC
    }

    fn check(&self, index: &Index<'_>, out: &mut Vec<Finding>) {
        let Some(agreements) = index.catalog.table(AGREEMENTS) else { return };
        if agreements.field("kind").is_none()
            || agreements.field(PARTIES).is_none()
            || parties::records(index).is_none()
        {
            return;
        }
        for agreement in index.table(AGREEMENTS).filter(|a| a.str("kind") == Some(MULTILATERAL)) {
            let Some(listed) = agreement.get(PARTIES).and_then(Node::as_array) else { continue };
            let states = listed
                .filter_map(Node::as_str)
                .filter_map(|id| index.get_in(PARTIES, id))
                .filter(|p| parties::is_state(p))
                .count();
            if states < MIN_STATES {
                let message = format!(
                    "a multilateral agreement with {states} state part{} listed; its member states are its parties",
                    if states == 1 { "y" } else { "ies" }
                );
                let help = "list each state that a cited source shows signing or ratifying it; an organisation is a party only where it signs itself";
                out.push(finding_at(&DOC, agreement, "/parties", message).with_help(help));
            }
        }
    }
}
