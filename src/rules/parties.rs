//! What the iso3 rules (X007–X010) share: the `parties` table where it declares `kind` and
//! `iso3`, and a code suggested from a party's name.

use crate::index::Index;
use crate::iso3166;
use crate::load::Record;

pub const TABLE: &str = "parties";
pub const KIND: &str = "kind";
pub const ISO3: &str = "iso3";
/// The kind of party that carries an ISO 3166-1 code.
pub const STATE: &str = "state";

/// The party records, or `None` where the catalogue has no `parties` table with both fields.
pub fn records<'a>(index: &Index<'a>) -> Option<impl Iterator<Item = &'a Record> + use<'a>> {
    let table = index.catalog.table(TABLE)?;
    (table.field(KIND).is_some() && table.field(ISO3).is_some()).then(|| index.table(TABLE))
}

pub fn is_state(record: &Record) -> bool {
    record.str(KIND) == Some(STATE)
}

/// The assigned code whose English name appears as whole words in `name` ("Islamic Republic of
/// Iran" → `IRN`); the longest name wins, so "Papua New Guinea" is not `GIN`.
pub fn code_for_name(name: &str) -> Option<&'static str> {
    let name = name.to_lowercase();
    iso3166::COUNTRIES
        .iter()
        .filter(|(_, country)| contains_words(&name, &country.to_lowercase()))
        .max_by_key(|(_, country)| country.len())
        .map(|(code, _)| *code)
}

fn contains_words(haystack: &str, needle: &str) -> bool {
    haystack.match_indices(needle).any(|(i, m)| {
        let before = haystack[..i].chars().next_back();
        let after = haystack[i + m.len()..].chars().next();
        !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
    })
}

/// A help line suggesting the code for a party's name, when one is found.
pub fn suggestion(record: &Record) -> Option<String> {
    let name = record.str("name")?;
    let code = code_for_name(name)?;
    Some(format!("`{name}` is `{code}` in ISO 3166-1"))
}

#[cfg(test)]
mod tests {
    use super::code_for_name;

    #[test]
    fn finds_codes_by_whole_words() {
        assert_eq!(code_for_name("Islamic Republic of Iran"), Some("IRN"));
        assert_eq!(code_for_name("Russian Federation"), Some("RUS"));
        assert_eq!(code_for_name("Papua New Guinea"), Some("PNG"));
        assert_eq!(code_for_name("Nigeria"), Some("NGA"));
        // A name inside a longer word is not that name, on either side.
        assert!(!super::contains_words("nigeria", "niger") && !super::contains_words("transoman", "oman"));
        assert!(super::contains_words("the niger delta", "niger"));
        assert_eq!(code_for_name("Ministry of Foreign Affairs"), None);
    }
}
