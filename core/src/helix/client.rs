use http::{header, HeaderMap, HeaderName, HeaderValue, StatusCode};
use serde::Serialize;

use super::endpoint::{Endpoint, Parsed};
use super::query::Query;
use crate::{Error, Secret};

/// Twitch's Helix base URL.
pub const HELIX_URL: &str = "https://api.twitch.tv/helix";

/// Builds Helix requests and parses Helix answers. Holds no token and does no I/O.
///
/// ```
/// use twitchapi_core::helix::{Helix, streams::GetStreams};
/// use twitchapi_core::Secret;
///
/// let helix = Helix::new("client-id").with_base_url("http://127.0.0.1:8080/helix").unwrap();
/// let req = helix
///     .build_request(&GetStreams { first: Some(5), ..Default::default() }, &Secret::new("t"))
///     .unwrap();
/// assert_eq!(req.uri(), "http://127.0.0.1:8080/helix/streams?first=5");
/// assert_eq!(req.headers()["client-id"], "client-id");
/// ```
#[derive(Debug, Clone)]
pub struct Helix {
    client_id: String,
    base_url: String,
}

/// Rate limit state from the `Ratelimit-*` headers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct RateLimit {
    /// Bucket size (`Ratelimit-Limit`).
    pub limit: u32,
    /// Points left (`Ratelimit-Remaining`).
    pub remaining: u32,
    /// Unix time in seconds when the bucket refills (`Ratelimit-Reset`).
    pub reset: u64,
}

impl RateLimit {
    /// Reads the three `Ratelimit-*` headers; `None` when any is missing or malformed.
    pub fn from_headers(headers: &HeaderMap) -> Option<RateLimit> {
        fn num<T: std::str::FromStr>(h: &HeaderMap, name: HeaderName) -> Option<T> {
            h.get(name)?.to_str().ok()?.trim().parse().ok()
        }
        Some(RateLimit {
            limit: num(headers, super::headers::RATELIMIT_LIMIT)?,
            remaining: num(headers, super::headers::RATELIMIT_REMAINING)?,
            reset: num(headers, super::headers::RATELIMIT_RESET)?,
        })
    }
}

/// A successful Helix answer.
#[derive(Debug, Clone, PartialEq)]
pub struct HelixResponse<T> {
    /// The typed data.
    pub data: T,
    /// Cursor for the next page (`pagination.cursor`).
    pub cursor: Option<String>,
    /// `total`, where Twitch sends it.
    pub total: Option<u64>,
    /// Rate limit headers of the answer.
    pub rate_limit: Option<RateLimit>,
}

impl Helix {
    /// A builder for the real Helix API.
    pub fn new(client_id: impl Into<String>) -> Self {
        Helix {
            client_id: client_id.into(),
            base_url: HELIX_URL.to_owned(),
        }
    }

    /// Points the builder at another base URL (for example the mock server).
    pub fn with_base_url(mut self, base_url: &str) -> Result<Self, Error> {
        crate::http_url::parse("helix base url", base_url)?;
        self.base_url = base_url.trim_end_matches('/').to_owned();
        Ok(self)
    }

    /// The client id sent in `Client-Id`.
    pub fn client_id(&self) -> &str {
        &self.client_id
    }

    /// The base URL.
    pub fn base_url(&self) -> &str {
        &self.base_url
    }

    /// The full URL of a request, query included. Validates the endpoint first.
    pub fn url<E: Endpoint>(&self, endpoint: &E) -> Result<String, Error> {
        endpoint.validate()?;
        Ok(self.url_of(E::PATH, &endpoint.query()))
    }

    fn url_of(&self, path: &str, query: &Query) -> String {
        let mut url = format!("{}/{}", self.base_url, path);
        if !query.is_empty() {
            url.push('?');
            url.push_str(&query.encode());
        }
        url
    }

    /// Validates the endpoint's arguments and builds the request with `Client-Id`
    /// and `Authorization: Bearer`. Scope checks happen when the token is chosen
    /// ([`crate::auth::Tokens::select`]).
    pub fn build_request<E: Endpoint>(
        &self,
        endpoint: &E,
        token: &Secret,
    ) -> Result<http::Request<Vec<u8>>, Error> {
        let mut request = self.build_unsigned(endpoint)?;
        authorize(&mut request, token)?;
        Ok(request)
    }

    /// Like [`Helix::build_request`] without the `Authorization` header: the
    /// form a [`super::Session`] keeps, to sign again with whichever token is
    /// current when the call is (re)sent.
    pub fn build_unsigned<E: Endpoint>(
        &self,
        endpoint: &E,
    ) -> Result<http::Request<Vec<u8>>, Error> {
        endpoint.validate()?;
        self.build_parts(
            E::METHOD,
            E::PATH,
            &endpoint.query(),
            endpoint.body().as_ref(),
        )
    }

    /// The request of an endpoint given as parts (its method, its path below
    /// the base URL, its query and JSON body), without `Authorization` and
    /// without any argument check: the form [`Helix::build_unsigned`] gives
    /// once the arguments are valid, for code that builds the parts itself
    /// (the JavaScript bindings read endpoints from a table).
    ///
    /// ```
    /// use twitchapi_core::helix::{Helix, Query};
    ///
    /// let mut query = Query::new();
    /// query.push("login", "twitchdev");
    /// let request = Helix::new("id").build_parts(http::Method::GET, "users", &query, None).unwrap();
    /// assert_eq!(request.uri(), "https://api.twitch.tv/helix/users?login=twitchdev");
    /// assert_eq!(request.headers()["client-id"], "id");
    /// ```
    pub fn build_parts(
        &self,
        method: http::Method,
        path: &str,
        query: &Query,
        body: Option<&serde_json::Value>,
    ) -> Result<http::Request<Vec<u8>>, Error> {
        self.assemble(method, &self.url_of(path, query), body)
    }

    fn assemble(
        &self,
        method: http::Method,
        url: &str,
        body: Option<&serde_json::Value>,
    ) -> Result<http::Request<Vec<u8>>, Error> {
        let mut builder = http::Request::builder()
            .method(method)
            .uri(url)
            .header(super::headers::CLIENT_ID, header_value(&self.client_id)?);
        let body = match body {
            Some(json) => {
                builder = builder.header(header::CONTENT_TYPE, "application/json");
                serde_json::to_vec(json).map_err(|e| Error::invalid(e.to_string()))?
            }
            None => Vec::new(),
        };
        builder
            .body(body)
            .map_err(|e| Error::invalid(format!("cannot build request: {e}")))
    }

    /// Parses an answer: the typed data on 2xx, the matching [`Error`] otherwise.
    pub fn parse_response<E: Endpoint, B: AsRef<[u8]>>(
        &self,
        response: &http::Response<B>,
    ) -> Result<HelixResponse<E::Response>, Error> {
        let status = response.status();
        let body = response.body().as_ref();
        let rate_limit = RateLimit::from_headers(response.headers());
        if status.is_success() {
            let Parsed {
                data,
                cursor,
                total,
            } = E::parse_success(status, body)?;
            return Ok(HelixResponse {
                data,
                cursor,
                total,
                rate_limit,
            });
        }
        let message = error_message(status, body);
        if let Some(err) = E::map_error(status, &message) {
            return Err(err);
        }
        Err(error_for_status(status, message, rate_limit))
    }
}

/// Sets `Authorization: Bearer <token>` on a request (replacing any earlier one).
pub fn authorize(request: &mut http::Request<Vec<u8>>, token: &Secret) -> Result<(), Error> {
    authorize_with(request, "Bearer", token)
}

/// Sets `Authorization: Extension <token>` and `Client-Id: <client_id>` on a
/// request: how an extension's front end calls Helix with the token
/// `window.Twitch.ext.onAuthorized` hands it.
pub fn authorize_extension(
    request: &mut http::Request<Vec<u8>>,
    client_id: &str,
    token: &Secret,
) -> Result<(), Error> {
    authorize_with(request, "Extension", token)?;
    let client = header_value(client_id)?;
    request
        .headers_mut()
        .insert(super::headers::CLIENT_ID, client);
    Ok(())
}

fn authorize_with(
    request: &mut http::Request<Vec<u8>>,
    scheme: &str,
    token: &Secret,
) -> Result<(), Error> {
    let mut value = header_value(&format!("{scheme} {}", token.expose()))?;
    value.set_sensitive(true);
    request.headers_mut().insert(header::AUTHORIZATION, value);
    Ok(())
}

fn header_value(value: &str) -> Result<HeaderValue, Error> {
    HeaderValue::from_str(value)
        .map_err(|_| Error::invalid("header value contains invalid characters"))
}

/// Twitch's error message from an error body (`{"error","status","message"}`), or
/// a short description of a body that is not Twitch's JSON.
pub fn error_message(status: StatusCode, body: &[u8]) -> String {
    #[derive(serde::Deserialize)]
    struct TwitchError {
        #[serde(default)]
        message: Option<String>,
        #[serde(default)]
        error: Option<String>,
    }
    match serde_json::from_slice::<TwitchError>(body) {
        Ok(TwitchError {
            message: Some(m), ..
        }) if !m.is_empty() => m,
        Ok(TwitchError { error: Some(e), .. }) if !e.is_empty() => e,
        _ => status
            .canonical_reason()
            .unwrap_or("unexpected status")
            .to_owned(),
    }
}

/// The general status mapping: 401 `Unauthorized` (or `MissingScope` when Twitch
/// says "Missing scope"), 404 `NotFound`, 429 `RateLimited`, 5xx `Backend`, any
/// other status `Api`.
pub fn error_for_status(
    status: StatusCode,
    message: String,
    rate_limit: Option<RateLimit>,
) -> Error {
    let code = status.as_u16();
    match code {
        401 => match message.strip_prefix("Missing scope:") {
            Some(rest) => Error::MissingScope {
                required: rest
                    .split([' ', ','])
                    .filter(|s| !s.is_empty())
                    .map(crate::AuthScope::from_wire)
                    .collect(),
            },
            None => Error::Unauthorized(message),
        },
        404 => Error::NotFound(message),
        429 => Error::RateLimited {
            reset: rate_limit.map(|r| r.reset),
        },
        500..=599 => Error::Backend {
            status: code,
            message,
        },
        _ => Error::Api {
            status: code,
            message,
        },
    }
}
