//! Small text helpers shared by findings: closest-name suggestions.

/// The candidate closest to `word` by edit distance (Levenshtein over characters, from
/// `strsim`, which clap already brings in), if it is close enough to be a typo.
pub fn did_you_mean<'a>(word: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    let limit = (word.chars().count() / 3).max(1);
    candidates.into_iter().map(|c| (strsim::levenshtein(word, c), c)).filter(|(d, _)| *d <= limit).min().map(|(_, c)| c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggests_close_names_only() {
        assert_eq!(did_you_mean("signed_on", ["signed", "place"]), Some("signed"));
        assert_eq!(did_you_mean("confirmd", ["confirmed", "probable"]), Some("confirmed"));
        assert_eq!(did_you_mean("zzz", ["confirmed"]), None);
        // Characters, not bytes: one substitution of a two-byte letter is one edit.
        assert_eq!(did_you_mean("partiés", ["parties", "sources"]), Some("parties"));
    }
}
