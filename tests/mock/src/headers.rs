//! Headers on every answer: `Date`, as Twitch sends it (clients measure
//! `Ratelimit-Reset` against it).

use std::time::SystemTime;

use axum::http::{header, HeaderValue};
use axum::response::Response;
use time::macros::format_description;
use time::OffsetDateTime;

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

/// Response middleware: `Date` unless the answer already carries one.
pub(crate) async fn stamp(mut response: Response) -> Response {
    if !response.headers().contains_key(header::DATE) {
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
}
