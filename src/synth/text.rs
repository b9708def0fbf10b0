//! Plausible English text of a chosen length, from a fixed vocabulary, plus the small closed
//! lists (cities, publishers, languages) the records draw from.
//!
//! The text only has to look like the real dataset to a parser: the same lengths, some
//! punctuation, quotes that need escaping and a little non-ASCII. It never starts with
//! `= + - @`, which a spreadsheet would run as a formula (a rule flags that).

use super::rng::Rng;

const WORDS: &[&str] = &[
    "agreement",
    "cooperation",
    "information",
    "security",
    "parties",
    "shall",
    "exchange",
    "data",
    "threat",
    "national",
    "international",
    "framework",
    "committee",
    "working",
    "group",
    "meeting",
    "ministers",
    "signed",
    "memorandum",
    "understanding",
    "protocol",
    "joint",
    "statement",
    "regional",
    "network",
    "incident",
    "response",
    "capacity",
    "building",
    "critical",
    "infrastructure",
    "protection",
    "law",
    "enforcement",
    "crime",
    "terrorism",
    "propaganda",
    "disinformation",
    "sovereignty",
    "norms",
    "state",
    "behaviour",
    "responsible",
    "confidence",
    "measures",
    "consultation",
    "annual",
    "review",
    "secretariat",
    "experts",
    "technical",
    "assistance",
    "training",
    "exercise,",
    "sharing;",
    "mutual",
    "legal",
    "extradition",
    "\"hotline\"",
    "channel",
    "coordination",
    "strategy",
    "policy",
    "implementation",
    "Tehran–Moscow",
    "delegation",
    "talks",
    "the",
    "of",
    "and",
    "in",
    "on",
    "for",
    "with",
    "to",
    "a",
    "between",
    "under",
    "its",
    "both",
];

const CITIES: &[&str] = &[
    "Moscow",
    "Tehran",
    "Beijing",
    "Minsk",
    "Astana",
    "Tashkent",
    "Dushanbe",
    "Bishkek",
    "Yerevan",
    "Baku",
    "Geneva",
    "New York",
    "Vienna",
    "Havana",
    "Caracas",
    "Pyongyang",
    "Damascus",
    "Ashgabat",
    "Ulaanbaatar",
    "Brasília",
    "Pretoria",
    "New Delhi",
    "Islamabad",
    "online",
];

const PUBLISHERS: &[&str] = &[
    "TASS",
    "RIA Novosti",
    "IRNA",
    "Tehran Times",
    "Xinhua",
    "Kommersant",
    "Mehr News Agency",
    "Ministry of Foreign Affairs",
    "Security Council",
    "The Diplomat",
    "Carnegie Endowment",
    "Global Voices",
    "DFRLab",
    "Lawfare",
];

pub const LANGUAGES: &[&str] = &["en", "ru", "fa", "zh", "ar", "fr", "es"];

pub fn city(rng: &mut Rng) -> &'static str {
    rng.pick::<&str>(CITIES)
}

pub fn publisher(rng: &mut Rng) -> &'static str {
    rng.pick::<&str>(PUBLISHERS)
}

/// A sentence of `lo..=hi` characters (a few fewer where a word is cut), capitalised, ending
/// with a full stop.
pub fn sentence(rng: &mut Rng, lo: usize, hi: usize) -> String {
    let len = rng.range(lo as i64, hi as i64) as usize;
    let mut s = words(rng, len.saturating_sub(1).max(8));
    s.push('.');
    s
}

/// Words of `lo..=hi` characters (a few fewer where a word is cut), capitalised, no final
/// punctuation (titles, names).
pub fn phrase(rng: &mut Rng, lo: usize, hi: usize) -> String {
    let len = rng.range(lo as i64, hi as i64) as usize;
    words(rng, len)
}

fn words(rng: &mut Rng, len: usize) -> String {
    let mut s = String::with_capacity(len + 16);
    loop {
        let word = *rng.pick(WORDS);
        let extra = word.len() + usize::from(!s.is_empty());
        if s.len() + extra > len {
            break;
        }
        if !s.is_empty() {
            s.push(' ');
        }
        s.push_str(word);
    }
    if s.is_empty() {
        s.push_str(&"agreement"[..len.clamp(1, 9)]);
    }
    // Never end in a comma or semicolon, and never leave a quote open.
    while s.ends_with([',', ';']) {
        s.pop();
    }
    let mut s = capitalise(&s);
    if s.matches('"').count() % 2 == 1 {
        s = s.replace('"', "");
    }
    s
}

/// The text with its first letter upper-case and anything before the first letter or digit
/// dropped.
pub fn capitalise(s: &str) -> String {
    let s = s.trim_start_matches(|c: char| !c.is_alphanumeric());
    let mut chars = s.chars();
    match chars.next() {
        Some(c) => c.to_uppercase().chain(chars).collect(),
        None => "Untitled".to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lengths_and_first_characters_are_safe() {
        let mut rng = Rng::new(3);
        for _ in 0..2_000 {
            let target = rng.range(10, 300) as usize;
            let s = sentence(&mut rng, target, target);
            assert!(s.len() <= target.max(9), "{s:?} longer than {target}");
            assert!(s.len() + 20 >= target, "{s:?} much shorter than {target}");
            let first = s.chars().next().unwrap();
            assert!(first.is_alphanumeric(), "{s:?}");
            assert_eq!(s.matches('"').count() % 2, 0);
        }
    }
}
