//! The skeleton every record hangs on, made once before any record: the parties (every ISO
//! 3166 state plus organisations, bodies and persons), the threat categories, each source's
//! publication date and each agreement's parties and signing date.
//!
//! Records are then drawn one by one from their own random streams (see `records`), looking
//! up here whatever must agree across records: references resolve, a signing event carries
//! its agreement's date, a cited source is published no earlier than the event.

use super::rng::Rng;
use super::when::{self, When};
use crate::dates::Day;
use crate::iso3166::COUNTRIES;

/// Random stream tags, one per kind of draw; changing one changes that part of the output only.
pub mod stream {
    pub const PARTY: u64 = 1;
    pub const THREAT: u64 = 2;
    pub const SOURCE: u64 = 3;
    pub const SOURCE_DATE: u64 = 4;
    pub const AGREEMENT: u64 = 5;
    pub const AGREEMENT_PLAN: u64 = 6;
    pub const EVENT: u64 = 7;
    pub const FAULT: u64 = 8;
}

/// Non-state parties: (kind, id stem, how many).
const OTHER_PARTIES: &[(&str, &str, usize)] = &[
    ("intergovernmental-organisation", "igo", 8),
    ("government-body", "body", 14),
    ("legislature", "parl", 3),
    ("company", "co", 4),
    ("forum", "forum", 3),
    ("think-tank", "tt", 3),
    ("person", "person", 10),
];

pub const THREATS: &[&str] = &[
    "ict-crime",
    "ict-terrorism",
    "data-piracy",
    "data-theft",
    "malware",
    "ransomware",
    "ddos",
    "espionage",
    "critical-infrastructure-attack",
    "disinformation",
    "propaganda",
    "interference-internal-affairs",
    "destabilisation",
    "hate-speech",
    "extremist-content",
    "supply-chain",
    "election-interference",
    "information-warfare",
    "sabotage",
    "identity-theft",
];

/// One party, as far as other records need to know it.
#[derive(Debug, Clone)]
pub struct Party {
    pub id: String,
    pub kind: &'static str,
    pub name: String,
    pub iso3: Option<&'static str>,
}

/// An agreement's parties (indices into `World::parties`) and when it was signed.
#[derive(Debug, Clone)]
pub struct AgreementPlan {
    pub parties: Vec<usize>,
    pub signed: Option<When>,
}

pub struct World {
    pub seed: u64,
    pub n_events: usize,
    pub parties: Vec<Party>,
    /// Indices of parties by kind, for drawing references of the right kind.
    pub states: Vec<usize>,
    pub organisations: Vec<usize>,
    pub bodies: Vec<usize>,
    pub persons: Vec<usize>,
    pub published: Vec<When>,
    /// (first day of publication, source index), sorted: finds sources published late enough.
    pub by_start: Vec<(Day, usize)>,
    pub agreements: Vec<AgreementPlan>,
}

/// Earliest event or signing; sources start later so every event can cite one.
pub fn first_day() -> Day {
    when::day(1995, 1, 1)
}

impl World {
    pub fn new(seed: u64, n_events: usize) -> World {
        let mut w = World {
            seed,
            n_events,
            parties: Vec::new(),
            states: Vec::new(),
            organisations: Vec::new(),
            bodies: Vec::new(),
            persons: Vec::new(),
            published: Vec::new(),
            by_start: Vec::new(),
            agreements: Vec::new(),
        };
        w.make_parties();
        w.make_sources(Self::count_sources(n_events));
        w.make_agreements(Self::count_agreements(n_events));
        w
    }

    pub fn count_agreements(n_events: usize) -> usize {
        (n_events / 10).max(5)
    }

    /// Never more than agreements: agreement `i` cites source `i % n`, so every source is cited.
    pub fn count_sources(n_events: usize) -> usize {
        (n_events / 20).max(5)
    }

    fn make_parties(&mut self) {
        for (code, name) in COUNTRIES {
            self.states.push(self.parties.len());
            let id = format!("pty-{}", code.to_ascii_lowercase());
            self.parties.push(Party { id, kind: "state", name: (*name).to_string(), iso3: Some(code) });
        }
        for &(kind, stem, n) in OTHER_PARTIES {
            for k in 1..=n {
                let list = match kind {
                    "person" => &mut self.persons,
                    "government-body" | "legislature" => &mut self.bodies,
                    _ => &mut self.organisations,
                };
                list.push(self.parties.len());
                let name = super::text::capitalise(&format!("{} {k}", kind.replace('-', " ")));
                self.parties.push(Party { id: format!("pty-{stem}-{k:02}"), kind, name, iso3: None });
            }
        }
    }

    fn make_sources(&mut self, n: usize) {
        let (lo, hi) = (when::day(2000, 1, 1), when::day(2025, 12, 31));
        self.published = (0..n)
            .map(|i| {
                // The last source is published on the last day, so a source late enough for
                // any signing date always exists.
                if i + 1 == n {
                    return When { text: "2025-12-31".into(), start: hi, end: hi };
                }
                when::within(&mut Rng::stream(self.seed, stream::SOURCE_DATE, i as u64), lo, hi, when::SOURCES)
            })
            .collect();
        self.by_start = self.published.iter().enumerate().map(|(i, w)| (w.start, i)).collect();
        self.by_start.sort_unstable();
    }

    fn make_agreements(&mut self, n: usize) {
        let (lo, hi) = (first_day(), when::day(2024, 12, 31));
        self.agreements = (0..n)
            .map(|i| {
                let mut rng = Rng::stream(self.seed, stream::AGREEMENT_PLAN, i as u64);
                let k = rng.range(2, 6) as usize;
                let mut parties = Vec::with_capacity(k);
                while parties.len() < k {
                    let p = if rng.chance(85) { *rng.pick(&self.states) } else { *rng.pick(&self.organisations) };
                    if !parties.contains(&p) {
                        parties.push(p);
                    }
                }
                let signed = rng.chance(92).then(|| when::within(&mut rng, lo, hi, when::AGREEMENTS));
                AgreementPlan { parties, signed }
            })
            .collect();
    }

    /// A source published on or after `day`, uniformly among those.
    pub fn source_from(&self, rng: &mut Rng, day: Day) -> usize {
        let first = self.by_start.partition_point(|&(s, _)| s < day);
        let first = first.min(self.by_start.len() - 1);
        self.by_start[first + rng.below(self.by_start.len() - first)].1
    }

    /// A source published strictly before `day`, if there is one (for `cites`: never a cycle).
    pub fn source_before(&self, rng: &mut Rng, day: Day) -> Option<usize> {
        let end = self.by_start.partition_point(|&(s, _)| s < day);
        (end > 0).then(|| self.by_start[rng.below(end)].1)
    }

    pub fn source_id(i: usize) -> String {
        format!("src-{i:06}")
    }

    pub fn agreement_id(i: usize) -> String {
        format!("agr-{i:07}")
    }

    pub fn event_id(i: usize) -> String {
        format!("evt-{i:08}")
    }

    pub fn threat_id(i: usize) -> String {
        format!("thr-{}", THREATS[i])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_state_is_a_party_and_sources_cover_late_signings() {
        let w = World::new(1, 1_000);
        assert_eq!(w.states.len(), COUNTRIES.len());
        assert!(w.parties.len() > 250 && w.parties.len() < 320);
        let last = w.agreements.iter().filter_map(|a| a.signed.as_ref()).map(|s| s.end).max().unwrap();
        let mut rng = Rng::new(0);
        let s = w.source_from(&mut rng, last);
        assert!(w.published[s].start >= last);
        assert!(World::count_sources(1_000) <= World::count_agreements(1_000));
    }
}
