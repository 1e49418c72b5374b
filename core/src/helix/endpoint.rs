use http::{Method, StatusCode};
use serde::{de::DeserializeOwned, Deserialize, Serialize};

use super::query::Query;
use crate::{AuthScope, Error};

/// The scopes an endpoint requires of its token.
///
/// ```
/// use twitchapi_core::{helix::Scopes, AuthScope};
///
/// let read_or_manage = Scopes::Any(&[
///     AuthScope::ChannelReadRedemptions,
///     AuthScope::ChannelManageRedemptions,
/// ]);
/// assert!(read_or_manage.missing(&[AuthScope::ChannelManageRedemptions]).is_empty());
/// assert_eq!(read_or_manage.missing(&[]).len(), 2);
/// assert!(Scopes::NONE.missing(&[]).is_empty());
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scopes {
    /// Every one of these scopes.
    All(&'static [AuthScope]),
    /// At least one of these scopes (an empty list requires none).
    Any(&'static [AuthScope]),
}

impl Scopes {
    /// No scope required.
    pub const NONE: Scopes = Scopes::All(&[]);

    /// The scopes named, whichever the rule.
    pub fn listed(&self) -> &'static [AuthScope] {
        match self {
            Scopes::All(list) | Scopes::Any(list) => list,
        }
    }

    /// What `granted` lacks: the missing ones of an "all of" list, or the whole
    /// list of an "any of" rule that none of `granted` meets. Empty when satisfied.
    pub fn missing(&self, granted: &[AuthScope]) -> Vec<AuthScope> {
        match self {
            Scopes::All(list) => crate::auth::missing_scopes(list, granted),
            Scopes::Any(list) if list.is_empty() || list.iter().any(|s| granted.contains(s)) => {
                Vec::new()
            }
            Scopes::Any(list) => list.to_vec(),
        }
    }

    /// True when `granted` meets the rule.
    pub fn satisfied_by(&self, granted: &[AuthScope]) -> bool {
        self.missing(granted).is_empty()
    }
}

/// Which token an endpoint needs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Auth {
    /// No token.
    None,
    /// An app access token (client credentials).
    App,
    /// A user access token carrying these scopes.
    User(Scopes),
    /// Either token. The user token is used when it is set and carries the scopes,
    /// otherwise the app token (the seed's `AuthType.EITHER`).
    Either(Scopes),
}

impl Auth {
    /// The scope rule of the endpoint ([`Scopes::NONE`] for app-only and no-token endpoints).
    pub fn required(&self) -> Scopes {
        match self {
            Auth::User(scopes) | Auth::Either(scopes) => *scopes,
            Auth::None | Auth::App => Scopes::NONE,
        }
    }

    /// The scopes the endpoint names (all required, or any one of them; see [`Auth::required`]).
    pub fn scopes(&self) -> &'static [AuthScope] {
        self.required().listed()
    }
}

/// One Helix endpoint: a plain data struct whose fields are the seed library's
/// parameters, plus what the request needs to be built and the answer parsed.
///
/// Structs deserialize from the seed's parameter names (so JSON objects from the
/// CLI map onto them directly); unknown keys are rejected. The JavaScript
/// bindings read the same arguments from a table of their own, tested
/// against these structs.
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
/// page by page: forward with `after` = the previous answer's cursor, or, when
/// the first request set `before`, backward with `before` = that cursor (see
/// [`super::Pages`]).
pub trait Paginated: Endpoint {
    /// Sets the `after` cursor for the next page (`None`: the first page).
    fn set_after(&mut self, cursor: Option<String>);

    /// Sets the `before` cursor, on endpoints that have one (others ignore it).
    fn set_before(&mut self, cursor: Option<String>) {
        let _ = cursor;
    }

    /// Whether a walk goes backward: the request sets `before`.
    fn walks_backward(&self) -> bool {
        false
    }
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
    // JSON is UTF-8 (RFC 8259): checking the whole body once is cheaper than
    // serde_json checking every string it reads from a byte slice.
    let text = std::str::from_utf8(body)
        .map_err(|e| Error::Protocol(format!("response body is not UTF-8: {e}")))?;
    let envelope: Envelope<T> = serde_json::from_str(text)
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
/// Refuses a datetime argument that has no RFC 3339 form in UTC (a year
/// outside 0..=9999 once its offset is taken off): Helix could not be told it.
pub(crate) fn check_datetime(
    name: &str,
    value: Option<&time::OffsetDateTime>,
) -> Result<(), Error> {
    match value {
        Some(at) if crate::rfc3339::format_utc(at).is_none() => Err(Error::invalid(format!(
            "{name} must lie in the years 0 to 9999 in UTC, got one in the year {} at offset {}s",
            at.year(),
            at.offset().whole_seconds()
        ))),
        _ => Ok(()),
    }
}

pub(crate) fn check_known(name: &str, known: bool, value: &str) -> Result<(), Error> {
    if known {
        Ok(())
    } else {
        Err(Error::invalid(format!(
            "{name} has an unknown value {value:?}"
        )))
    }
}
