use http::{Method, StatusCode};
use serde::{de::DeserializeOwned, Deserialize, Serialize};

use super::query::Query;
use crate::{AuthScope, Error};

/// Which token an endpoint needs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Auth {
    /// No token.
    None,
    /// An app access token (client credentials).
    App,
    /// A user access token carrying these scopes.
    User(&'static [AuthScope]),
    /// Either token. The user token is used when it is set and carries the scopes,
    /// otherwise the app token (the seed's `AuthType.EITHER`).
    Either(&'static [AuthScope]),
}

impl Auth {
    /// The scopes the endpoint requires.
    pub fn scopes(&self) -> &'static [AuthScope] {
        match self {
            Auth::User(scopes) | Auth::Either(scopes) => scopes,
            Auth::None | Auth::App => &[],
        }
    }
}

/// One Helix endpoint: a plain data struct whose fields are the seed library's
/// parameters, plus what the request needs to be built and the answer parsed.
///
/// Structs deserialize from the seed's parameter names (so JSON objects from the
/// CLI or JavaScript map onto them directly); unknown keys are rejected.
pub trait Endpoint {
    /// HTTP method.
    const METHOD: Method;
    /// Path below the Helix base URL, without leading slash (`"users"`).
    const PATH: &'static str;
    /// Authentication the endpoint needs; see [`Endpoint::auth`].
    const AUTH: Auth;
    /// The seed library's method name (`"get_users"`).
    const NAME: &'static str;
    /// The seed's parameters, one line each: `"name: type[, required | default X]"`
    /// (shown by the CLI's help).
    const PARAMS: &'static [&'static str];
    /// The typed result (`Vec<User>`, or `()` for endpoints answering 204).
    type Response: DeserializeOwned + Serialize;

    /// Authentication for this particular request. Defaults to [`Endpoint::AUTH`];
    /// endpoints whose needs depend on the arguments override it.
    fn auth(&self) -> Auth {
        Self::AUTH
    }

    /// The seed's argument rules (its `ValueError`s) plus Twitch's own limits,
    /// checked before any I/O.
    fn validate(&self) -> Result<(), Error> {
        Ok(())
    }

    /// Query parameters in order; lists repeat the key.
    fn query(&self) -> Query;

    /// JSON body, if the endpoint sends one.
    fn body(&self) -> Option<serde_json::Value> {
        None
    }

    /// Parses a successful (2xx) answer. The default reads Twitch's envelope
    /// `{"data": ..., "pagination": {"cursor": ...}, "total": n}`.
    fn parse_success(status: StatusCode, body: &[u8]) -> Result<Parsed<Self::Response>, Error> {
        let _ = status;
        parse_envelope(body)
    }

    /// Endpoint-specific meaning of an error status (for example 404 as
    /// `NotFound` with Twitch's message). `None` keeps the general mapping.
    fn map_error(status: StatusCode, message: &str) -> Option<Error> {
        let _ = (status, message);
        None
    }
}

/// An endpoint whose answers carry a pagination cursor, so it can be walked
/// page by page (`after` = the previous answer's cursor).
pub trait Paginated: Endpoint {
    /// Sets the `after` cursor for the next page (`None`: the first page).
    fn set_after(&mut self, cursor: Option<String>);
}

/// What a successful answer carried besides headers.
#[derive(Debug, Clone, PartialEq)]
pub struct Parsed<T> {
    /// The typed data.
    pub data: T,
    /// Cursor for the next page, when Twitch sent one.
    pub cursor: Option<String>,
    /// `total`, when Twitch sent it.
    pub total: Option<u64>,
}

#[derive(Deserialize)]
struct Envelope<T> {
    data: T,
    #[serde(default)]
    pagination: Option<PaginationField>,
    #[serde(default)]
    total: Option<u64>,
}

#[derive(Deserialize)]
#[serde(untagged)]
enum PaginationField {
    Object {
        #[serde(default)]
        cursor: Option<String>,
    },
    // A few endpoints send the cursor as a bare string.
    Cursor(String),
}

/// Parses Twitch's `{"data": ..}` envelope into a [`Parsed`].
pub fn parse_envelope<T: DeserializeOwned>(body: &[u8]) -> Result<Parsed<T>, Error> {
    let envelope: Envelope<T> = serde_json::from_slice(body)
        .map_err(|e| Error::Protocol(format!("unexpected response body: {e}")))?;
    let cursor = match envelope.pagination {
        Some(PaginationField::Object { cursor }) => cursor.filter(|c| !c.is_empty()),
        Some(PaginationField::Cursor(cursor)) => Some(cursor).filter(|c| !c.is_empty()),
        None => None,
    };
    Ok(Parsed {
        data: envelope.data,
        cursor,
        total: envelope.total,
    })
}

/// Parse for endpoints that answer 204 No Content (any body is ignored).
pub fn parse_no_content(_status: StatusCode, _body: &[u8]) -> Result<Parsed<()>, Error> {
    Ok(Parsed {
        data: (),
        cursor: None,
        total: None,
    })
}

/// Checks that `first` lies in `1..=max` (the seed's "first is not in range" rule).
pub(crate) fn check_first(first: Option<u32>, max: u32) -> Result<(), Error> {
    match first {
        Some(first) if first < 1 || first > max => Err(Error::invalid(format!(
            "first must be in range 1 to {max}, got {first}"
        ))),
        _ => Ok(()),
    }
}

/// Checks that a list has at most `max` entries.
pub(crate) fn check_max_len<T>(name: &str, list: &[T], max: usize) -> Result<(), Error> {
    if list.len() > max {
        Err(Error::invalid(format!(
            "{name} can have at most {max} entries, got {}",
            list.len()
        )))
    } else {
        Ok(())
    }
}

/// Checks that a wire enum argument holds a known value.
pub(crate) fn check_known(name: &str, known: bool, value: &str) -> Result<(), Error> {
    if known {
        Ok(())
    } else {
        Err(Error::invalid(format!(
            "{name} has an unknown value {value:?}"
        )))
    }
}
