//! Headers on every answer (`Date`, `Access-Control-Allow-Origin`) and CORS
//! preflights, as Twitch sends them.
//!
//! Twitch lets any origin call Helix and the OAuth endpoints, but exposes no
//! extra response headers to browsers: a page cannot read `Ratelimit-*`, so
//! browser builds keep their own budget. The mock does the same.

use std::time::SystemTime;

use axum::http::{header, HeaderValue, Method, StatusCode};
use axum::response::{IntoResponse, Response};
use time::macros::format_description;
use time::OffsetDateTime;

/// Methods a preflight allows.
pub(crate) const ALLOW_METHODS: &str = "GET, POST, PUT, PATCH, DELETE, OPTIONS";

/// Request headers a preflight allows.
pub(crate) const ALLOW_HEADERS: &str =
    "Accept, Authorization, Client-Id, Content-Type, Origin, X-Requested-With";

/// `wall` as an HTTP-date (RFC 7231, IMF-fixdate): `Sun, 06 Nov 1994 08:49:37 GMT`.
pub(crate) fn http_date(wall: SystemTime) -> String {
    let format = format_description!(
        "[weekday repr:short], [day] [month repr:short] [year] [hour]:[minute]:[second] GMT"
    );
    OffsetDateTime::from(wall)
        .format(&format)
        .unwrap_or_else(|_| "Thu, 01 Jan 1970 00:00:00 GMT".to_owned())
}

/// Sets `Date` to `wall`.
pub(crate) fn set_date(response: &mut Response, wall: SystemTime) {
    if let Ok(value) = HeaderValue::from_str(&http_date(wall)) {
        response.headers_mut().insert(header::DATE, value);
    }
}

/// Whether a request to `path` is one a browser may send cross-origin.
pub(crate) fn is_cors_path(path: &str) -> bool {
    crate::record::is_helix(path) || path.starts_with("/oauth2/")
}

/// Whether the request is a CORS preflight the mock answers itself.
pub(crate) fn is_preflight(method: &Method, path: &str) -> bool {
    method == Method::OPTIONS && is_cors_path(path)
}

/// `204 No Content` allowing any origin, the Helix methods and headers.
pub(crate) fn preflight() -> Response {
    (
        StatusCode::NO_CONTENT,
        [
            (header::ACCESS_CONTROL_ALLOW_METHODS, ALLOW_METHODS),
            (header::ACCESS_CONTROL_ALLOW_HEADERS, ALLOW_HEADERS),
            (header::ACCESS_CONTROL_MAX_AGE, "86400"),
        ],
    )
        .into_response()
}

/// Response middleware: `Access-Control-Allow-Origin: *` on every answer, and
/// `Date` unless the answer already carries one.
pub(crate) async fn stamp(mut response: Response) -> Response {
    let headers = response.headers_mut();
    headers.insert(
        header::ACCESS_CONTROL_ALLOW_ORIGIN,
        HeaderValue::from_static("*"),
    );
    if !headers.contains_key(header::DATE) {
        set_date(&mut response, SystemTime::now());
    }
    response
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::{Duration, UNIX_EPOCH};

    #[test]
    fn dates_are_imf_fixdate() {
        let wall = UNIX_EPOCH + Duration::from_secs(784_111_777);
        assert_eq!(http_date(wall), "Sun, 06 Nov 1994 08:49:37 GMT");
        let wall = UNIX_EPOCH + Duration::from_millis(1_700_000_000_900);
        assert_eq!(http_date(wall), "Tue, 14 Nov 2023 22:13:20 GMT");
    }

    #[test]
    fn preflight_paths() {
        assert!(is_preflight(&Method::OPTIONS, "/helix/users"));
        assert!(is_preflight(&Method::OPTIONS, "/oauth2/token"));
        assert!(!is_preflight(&Method::GET, "/helix/users"));
        assert!(!is_preflight(&Method::OPTIONS, "/helixes"));
        assert!(!is_preflight(&Method::OPTIONS, "/elsewhere"));
    }
}
