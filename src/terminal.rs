//! Terminal conventions for colour: what `--color auto` means.
//!
//! `NO_COLOR` set to anything but the empty string turns colour off (no-color.org: "when
//! present and not an empty string"); `CLICOLOR_FORCE` set and not `0` turns it on even when
//! the output is not a terminal (bixense.com/clicolors). When both are set, `NO_COLOR` wins,
//! as in anstream and cargo. `--color always|never` overrides both (`ColorChoice::resolve`).

use std::ffi::OsString;

/// Whether `--color auto` colours: `is_terminal` is whether the output is a terminal, `var`
/// reads the environment (a parameter, so tests need not change the process's).
pub fn auto_color(is_terminal: bool, var: impl Fn(&str) -> Option<OsString>) -> bool {
    let set = |name: &str| var(name).is_some_and(|v| !v.is_empty());
    if set("NO_COLOR") {
        return false;
    }
    if set("CLICOLOR_FORCE") && var("CLICOLOR_FORCE").is_some_and(|v| v != *"0") {
        return true;
    }
    is_terminal
}

#[cfg(test)]
mod tests {
    use super::*;

    fn env<'a>(pairs: &'a [(&'a str, &'a str)]) -> impl Fn(&str) -> Option<OsString> + 'a {
        move |name| pairs.iter().find(|(k, _)| *k == name).map(|(_, v)| OsString::from(v))
    }

    #[test]
    fn follows_no_color_and_clicolor_force() {
        assert!(auto_color(true, env(&[])));
        assert!(!auto_color(false, env(&[])));
        assert!(!auto_color(true, env(&[("NO_COLOR", "1")])));
        // An empty NO_COLOR is not a request (no-color.org).
        assert!(auto_color(true, env(&[("NO_COLOR", "")])));
        assert!(auto_color(false, env(&[("CLICOLOR_FORCE", "1")])));
        assert!(!auto_color(false, env(&[("CLICOLOR_FORCE", "0")])));
        assert!(!auto_color(false, env(&[("CLICOLOR_FORCE", "")])));
        assert!(!auto_color(false, env(&[("CLICOLOR_FORCE", "1"), ("NO_COLOR", "1")])));
    }
}
