//! One function per table: record `i` as a `Doc`, members in schema order, drawn from its own
//! random stream so records can be made in parallel, in any order, with the same bytes.

use super::doc::Doc;
use super::rng::Rng;
use super::text::{self, LANGUAGES, phrase, sentence};
use super::when;
use super::world::{THREATS, World, first_day, stream};

const CERTAINTY: &[&str] = &["confirmed", "confirmed", "probable", "unconfirmed"];
const AGREEMENT_KINDS: &[&str] = &[
    "treaty",
    "intergovernmental-agreement",
    "multilateral-agreement",
    "memorandum-of-understanding",
    "preliminary-agreement",
    "understanding",
    "committee",
    "working-group",
    "cooperation",
];
const STATUS: &[&str] = &["proposed", "agreed", "signed", "signed", "established", "unknown"];
/// Every event kind but `signing`, which only the planned signing events use.
const EVENT_KINDS: &[&str] = &[
    "ratification",
    "establishment",
    "meeting",
    "working-group-meeting",
    "consultations",
    "visit",
    "statement",
    "offer",
    "understanding",
    "forum",
    "training",
];
const SOURCE_KINDS: &[&str] = &[
    "news-article",
    "news-article",
    "analysis",
    "blog-post",
    "primary-document",
    "transcript",
    "official-statement",
    "government-report",
    "web-page",
];
const THREAT_KINDS: &[&str] = &["listed-threat", "preamble-concern", "cooperation-area", "rhetoric"];
const DOMAINS: &[&str] =
    &["tass.example", "irna.example", "mfa.example.gov", "news.example.com", "archive.example.org"];

/// Optional member: pushed only when `value` is `Some`.
fn opt(members: &mut Vec<(&'static str, Doc)>, key: &'static str, value: Option<Doc>) {
    if let Some(v) = value {
        members.push((key, v));
    }
}

fn citations(rng: &mut Rng, sources: &[usize]) -> Doc {
    Doc::Arr(
        sources
            .iter()
            .map(|&s| {
                let locator = phrase(rng, 12, 60);
                Doc::Obj(vec![("source", Doc::Str(World::source_id(s))), ("locator", Doc::Str(locator))])
            })
            .collect(),
    )
}

fn ids(w: &World, parties: &[usize]) -> Doc {
    Doc::strs(parties.iter().map(|&p| w.parties[p].id.clone()))
}

pub fn party(w: &World, i: usize) -> Doc {
    let mut rng = Rng::stream(w.seed, stream::PARTY, i as u64);
    let p = &w.parties[i];
    let mut m = vec![("id", Doc::str(&p.id)), ("name", Doc::str(&p.name))];
    let org = matches!(p.kind, "intergovernmental-organisation" | "forum" | "think-tank" | "company");
    opt(&mut m, "abbreviation", org.then(|| Doc::Str(p.id[4..].to_ascii_uppercase())));
    m.push(("kind", Doc::str(p.kind)));
    opt(&mut m, "iso3", p.iso3.map(Doc::str));
    let body = matches!(p.kind, "government-body" | "legislature");
    opt(&mut m, "parent", body.then(|| Doc::str(&w.parties[*rng.pick(&w.states)].id)));
    let person = p.kind == "person";
    opt(&mut m, "affiliation", person.then(|| Doc::str(&w.parties[*rng.pick(&w.bodies)].id)));
    opt(&mut m, "role", person.then(|| Doc::Str(phrase(&mut rng, 15, 40))));
    opt(&mut m, "description", rng.chance(40).then(|| Doc::Str(sentence(&mut rng, 80, 200))));
    m.push(("certainty", Doc::str(*rng.pick(CERTAINTY))));
    // Party `i` cites source `i % n`: with the agreements, every source is cited.
    m.push(("sources", citations(&mut rng, &[i % w.published.len()])));
    Doc::Obj(m)
}

pub fn threat(w: &World, i: usize) -> Doc {
    let mut rng = Rng::stream(w.seed, stream::THREAT, i as u64);
    let mut m = vec![("id", Doc::Str(World::threat_id(i)))];
    m.push(("name", Doc::Str(text::capitalise(&THREATS[i].replace('-', " ")))));
    m.push(("domain", Doc::str(if i.is_multiple_of(3) { "informational" } else { "technical" })));
    m.push(("kind", Doc::str(*rng.pick(THREAT_KINDS))));
    // Only earlier categories, so `broader` never forms a cycle.
    opt(&mut m, "broader", (i > 0 && rng.chance(30)).then(|| Doc::Str(World::threat_id(rng.below(i)))));
    opt(&mut m, "wording", rng.chance(30).then(|| Doc::Str(phrase(&mut rng, 20, 80))));
    m.push(("description", Doc::Str(sentence(&mut rng, 100, 220))));
    m.push(("certainty", Doc::str(*rng.pick(CERTAINTY))));
    m.push(("sources", citations(&mut rng, &[(i * 7 + 3) % w.published.len()])));
    Doc::Obj(m)
}

pub fn source(w: &World, i: usize) -> Doc {
    let mut rng = Rng::stream(w.seed, stream::SOURCE, i as u64);
    let published = &w.published[i];
    let mut m = vec![("id", Doc::Str(World::source_id(i)))];
    m.push(("title", Doc::Str(phrase(&mut rng, 40, 150))));
    m.push(("kind", Doc::str(*rng.pick(SOURCE_KINDS))));
    opt(&mut m, "publisher", rng.chance(80).then(|| Doc::str(text::publisher(&mut rng))));
    if rng.chance(25) {
        let k = rng.range(1, 2) as usize;
        let authors: Vec<usize> = rng.distinct(w.persons.len(), k).into_iter().map(|j| w.persons[j]).collect();
        m.push(("authors", ids(w, &authors)));
    }
    if rng.chance(90) {
        let year = &published.text[..4];
        m.push(("url", Doc::Str(format!("https://{}/{year}/item-{i}", rng.pick(DOMAINS)))));
    }
    m.push(("published", Doc::str(&published.text)));
    m.push(("language", Doc::str(*rng.pick(LANGUAGES))));
    if rng.chance(10) {
        let mut cites: Vec<usize> = (0..2).filter_map(|_| w.source_before(&mut rng, published.start)).collect();
        cites.dedup();
        opt(&mut m, "cites", (!cites.is_empty()).then(|| Doc::strs(cites.into_iter().map(World::source_id))));
    }
    m.push(("certainty", Doc::str(*rng.pick(CERTAINTY))));
    opt(&mut m, "notes", rng.chance(5).then(|| Doc::Str(sentence(&mut rng, 60, 160))));
    Doc::Obj(m)
}

pub fn agreement(w: &World, i: usize) -> Doc {
    let mut rng = Rng::stream(w.seed, stream::AGREEMENT, i as u64);
    let plan = &w.agreements[i];
    let mut m = vec![("id", Doc::Str(World::agreement_id(i)))];
    m.push(("name", Doc::Str(phrase(&mut rng, 50, 140))));
    opt(&mut m, "short_name", rng.chance(50).then(|| Doc::Str(phrase(&mut rng, 10, 40))));
    // A multilateral agreement lists at least two states (X017); a plan with fewer is a
    // treaty instead, decided after the draw so that every other record keeps its bytes.
    let kind = match *rng.pick(AGREEMENT_KINDS) {
        "multilateral-agreement" if plan.parties.iter().filter(|&&p| w.parties[p].kind == "state").count() < 2 => {
            "treaty"
        }
        kind => kind,
    };
    m.push(("kind", Doc::str(kind)));
    m.push(("status", Doc::str(*rng.pick(STATUS))));
    m.push(("parties", ids(w, &plan.parties)));
    if rng.chance(20) {
        let k = rng.range(1, 2) as usize;
        let who: Vec<usize> = rng.distinct(w.persons.len(), k).into_iter().map(|j| w.persons[j]).collect();
        m.push(("signatories", ids(w, &who)));
    }
    opt(&mut m, "signed", plan.signed.as_ref().map(|s| Doc::str(&s.text)));
    opt(&mut m, "place", rng.chance(50).then(|| Doc::str(text::city(&mut rng))));
    if rng.chance(70) {
        let k = rng.range(1, 4) as usize;
        m.push(("threat_categories", Doc::strs(rng.distinct(THREATS.len(), k).into_iter().map(World::threat_id))));
    }
    if rng.chance(50) {
        let k = rng.range(1, 3) as usize;
        let mut areas: Vec<String> = (0..k).map(|_| phrase(&mut rng, 15, 50)).collect();
        areas.sort();
        areas.dedup();
        m.push(("cooperation_areas", Doc::strs(areas)));
    }
    // Only earlier agreements, so `builds_on` never forms a cycle.
    if i > 0 && rng.chance(10) {
        let k = rng.range(1, 2) as usize;
        m.push(("builds_on", Doc::strs(rng.distinct(i, k).into_iter().map(World::agreement_id))));
    }
    m.push(("description", Doc::Str(sentence(&mut rng, 200, 300))));
    m.push(("certainty", Doc::str(*rng.pick(CERTAINTY))));
    let n_src = w.published.len();
    let mut cited = vec![i % n_src];
    for _ in 0..rng.range(0, 2) {
        let s = rng.below(n_src);
        if !cited.contains(&s) {
            cited.push(s);
        }
    }
    m.push(("sources", citations(&mut rng, &cited)));
    opt(&mut m, "notes", rng.chance(10).then(|| Doc::Str(sentence(&mut rng, 60, 200))));
    Doc::Obj(m)
}

/// Event `i`: every tenth event is the signing of agreement `i / 10` (when it has a date),
/// dated exactly as the agreement; the rest are meetings, statements and the like.
pub fn event(w: &World, i: usize) -> Doc {
    let mut rng = Rng::stream(w.seed, stream::EVENT, i as u64);
    let signing =
        i.is_multiple_of(10).then_some(i / 10).filter(|&a| w.agreements.get(a).is_some_and(|p| p.signed.is_some()));
    let agreement = signing.unwrap_or_else(|| rng.below(w.agreements.len()));
    let plan = &w.agreements[agreement];
    // Sources first: the event's date must end no later than the earliest cited publication.
    let sources: Vec<usize> = match signing {
        Some(_) => {
            let end = plan.signed.as_ref().map_or(first_day(), |s| s.end);
            vec![w.source_from(&mut rng, end)]
        }
        None => {
            let mut s = vec![rng.below(w.published.len())];
            if rng.chance(25) {
                let t = rng.below(w.published.len());
                if t != s[0] {
                    s.push(t);
                }
            }
            s
        }
    };
    let bound = sources.iter().map(|&s| w.published[s].start).min().unwrap_or(first_day());
    let mut m = vec![("id", Doc::Str(World::event_id(i)))];
    m.push(("title", Doc::Str(phrase(&mut rng, 40, 120))));
    let date = match signing {
        Some(_) => plan.signed.as_ref().map(|s| s.text.clone()),
        None => rng.chance(95).then(|| when::within(&mut rng, first_day(), bound, when::EVENTS).text),
    };
    opt(&mut m, "date", date.map(Doc::Str));
    m.push(("kind", Doc::str(if signing.is_some() { "signing" } else { *rng.pick(EVENT_KINDS) })));
    let k = rng.range(1, plan.parties.len().min(4) as i64) as usize;
    let parties: Vec<usize> = rng.distinct(plan.parties.len(), k).into_iter().map(|j| plan.parties[j]).collect();
    m.push(("parties", ids(w, &parties)));
    let mut agreements = vec![agreement];
    if signing.is_none() && rng.chance(10) {
        let other = rng.below(w.agreements.len());
        if other != agreement {
            agreements.push(other);
        }
    }
    m.push(("agreements", Doc::strs(agreements.into_iter().map(World::agreement_id))));
    if rng.chance(40) {
        let k = rng.range(1, 2) as usize;
        m.push(("threat_categories", Doc::strs(rng.distinct(THREATS.len(), k).into_iter().map(World::threat_id))));
    }
    opt(&mut m, "place", rng.chance(50).then(|| Doc::str(text::city(&mut rng))));
    opt(&mut m, "description", rng.chance(90).then(|| Doc::Str(sentence(&mut rng, 200, 300))));
    m.push(("certainty", Doc::str(*rng.pick(CERTAINTY))));
    m.push(("sources", citations(&mut rng, &sources)));
    opt(&mut m, "notes", rng.chance(8).then(|| Doc::Str(sentence(&mut rng, 60, 200))));
    Doc::Obj(m)
}
