//! X012: a source is not published before the event it is cited for (warning).

use super::{Rule, citation_role, finding_at, values};
use crate::dates::{self, PartialDate};
use crate::diagnostic::{Finding, RuleDoc, Severity};
use crate::hash::FastMap;
use crate::index::Index;

pub struct SourcePredatesEvent;

const EVENTS: &str = "events";
const SOURCES: &str = "sources";

static DOC: RuleDoc = RuleDoc {
    code: "X012",
    name: "source-predates-event",
    severity: Severity::Warning,
    summary: "An event cites a source published before the event took place.",
    explanation: "## What it does\nWhere the `events` table has a `date` and the `sources` table a `published` date, compares each event with every source it cites in support (through any reference to `sources`, such as `sources[].source`; a citation whose `role` is `contradicts` or `context` is not evidence that the event happened, and is skipped). Partial dates are ranges: the warning is given only when the latest day the source can have been published is before the earliest day the event can have happened, so `2021` and `2021-01-26` never conflict.\n\n## Why is this bad?\nA source cannot report what had not happened yet. Either a date is wrong, or the citation points at the wrong source. It is a warning because a source may announce a planned event (\"the agreement will be signed next week\"); the citation should then say so in its locator.\n\n## Example\n`evt-2021-01-26-signing` cites `src-tass-2020-12-01`, published `2020-12-01`: cite the article that reported the signing, or check the event's date.",
};

impl Rule for SourcePredatesEvent {
    fn doc(&self) -> &'static RuleDoc {
        &DOC
    }

    fn check(&self, index: &Index<'_>, out: &mut Vec<Finding>) {
        let catalog = index.catalog;
        let (Some(events), Some(sources)) = (catalog.table(EVENTS), catalog.table(SOURCES)) else { return };
        if events.field("date").is_none() || sources.field("published").is_none() {
            return;
        }
        let citations: Vec<_> = events.references().into_iter().filter(|r| r.target == SOURCES).collect();
        let published: FastMap<&str, (&str, PartialDate)> = index
            .table(SOURCES)
            .filter_map(|s| {
                let text = s.str("published")?;
                Some((index.id(s)?, (text, dates::parse(text).ok()?)))
            })
            .collect();
        for event in index.table(EVENTS) {
            let Some(date) = event.str("date") else { continue };
            let Ok(happened) = dates::parse(date) else { continue };
            for reference in &citations {
                values::ids(reference, event, |place, id| {
                    if !citation_role::supports(event, &place) {
                        return;
                    }
                    let Some(&(text, p)) = published.get(id) else { return };
                    if p.end < happened.start {
                        let message = format!("`{id}` was published {text}, before this event ({date})");
                        let help = "a source cannot report what had not yet happened: check both dates, or cite a later source";
                        out.push(finding_at(&DOC, event, place.pointer(), message).with_help(help));
                    }
                });
            }
        }
    }
}
