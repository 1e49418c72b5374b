//! Authentication: OAuth requests and answers ([`OAuth`]), the user flows
//! ([`flow`]: authorization code, implicit, device code) and the token
//! lifecycle state machine ([`Tokens`]).

pub mod flow;
mod oauth;
mod tokens;

pub use oauth::{OAuth, TokenResponse, Validation, AUTH_URL};
pub use tokens::{Selection, TokenChoice, TokenKind, TokenUpdate, Tokens};

use crate::AuthScope;

/// Space-separated scope string, as OAuth sends it.
pub fn scopes_to_string(scopes: &[AuthScope]) -> String {
    scopes
        .iter()
        .map(AuthScope::as_str)
        .collect::<Vec<_>>()
        .join(" ")
}

/// The scopes of `required` that `granted` lacks.
pub fn missing_scopes(required: &[AuthScope], granted: &[AuthScope]) -> Vec<AuthScope> {
    required
        .iter()
        .filter(|s| !granted.contains(s))
        .cloned()
        .collect()
}
