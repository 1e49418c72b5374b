//! What the flows with a redirect share: the `state` rules and the reading of
//! `error=...` in a redirect.

use crate::Error;

/// Checks a `state` a flow is to send: at least 16 characters, all URL-safe
/// (`A-Z a-z 0-9 - . _ ~`), so it survives the round trip unchanged. It must
/// come from a secure random source; the core has none (adapters make it).
///
/// # Errors
///
/// [`Error::InvalidArgument`] otherwise.
///
/// ```
/// use twitchapi_core::auth::flow::check_state;
/// assert!(check_state("0123456789abcdefXYZ").is_ok());
/// assert!(check_state("short").is_err());
/// assert!(check_state("has spaces in it!!").is_err());
/// ```
pub fn check_state(state: &str) -> Result<(), Error> {
    let safe = |c: char| c.is_ascii_alphanumeric() || matches!(c, '-' | '.' | '_' | '~');
    if state.len() < 16 || !state.chars().all(safe) {
        return Err(Error::invalid(
            "an OAuth state must be at least 16 URL-safe characters",
        ));
    }
    Ok(())
}

/// The pairs of a query or fragment.
pub(crate) fn pairs(text: &str) -> Vec<(String, String)> {
    url::form_urlencoded::parse(text.as_bytes())
        .into_owned()
        .collect()
}

pub(crate) fn get<'a>(pairs: &'a [(String, String)], key: &str) -> Option<&'a str> {
    pairs
        .iter()
        .find(|(k, _)| k == key)
        .map(|(_, v)| v.as_str())
}

/// The state check first (a redirect with another state is not ours, even
/// when it carries an error), then Twitch's `error`.
pub(crate) fn check(pairs: &[(String, String)], state: &str) -> Result<(), Error> {
    if get(pairs, "state") != Some(state) {
        return Err(Error::StateMismatch);
    }
    if let Some(error) = get(pairs, "error") {
        let description = get(pairs, "error_description")
            .unwrap_or_default()
            .to_owned();
        return Err(if error == "access_denied" {
            Error::AccessDenied(description)
        } else {
            Error::OAuth {
                error: error.to_owned(),
                description,
            }
        });
    }
    Ok(())
}
