//! Executes core-built `http::Request`s with reqwest.

use twitchapi_core::Error;

/// Sends a request and reads the whole answer.
pub(crate) async fn send(
    client: &reqwest::Client,
    request: http::Request<Vec<u8>>,
) -> Result<http::Response<Vec<u8>>, Error> {
    let request = reqwest::Request::try_from(request)
        .map_err(|e| Error::Transport(format!("cannot convert request: {e}")))?;
    let response = client
        .execute(request)
        .await
        .map_err(|e| Error::Transport(describe(&e)))?;
    let mut builder = http::Response::builder().status(response.status());
    for (name, value) in response.headers() {
        builder = builder.header(name, value);
    }
    let body = response
        .bytes()
        .await
        .map_err(|e| Error::Transport(describe(&e)))?;
    builder
        .body(body.to_vec())
        .map_err(|e| Error::Transport(e.to_string()))
}

/// reqwest's error without the URL (a URL may carry a token in its query).
fn describe(e: &reqwest::Error) -> String {
    let kind = if e.is_timeout() {
        "timed out"
    } else if e.is_connect() {
        "connection failed"
    } else if e.is_body() || e.is_decode() {
        "reading the body failed"
    } else {
        "request failed"
    };
    let mut source = std::error::Error::source(e);
    let mut detail = String::new();
    while let Some(s) = source {
        detail = s.to_string();
        source = s.source();
    }
    if detail.is_empty() {
        kind.to_owned()
    } else {
        format!("{kind}: {detail}")
    }
}
