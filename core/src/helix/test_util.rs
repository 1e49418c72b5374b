//! Test helpers: Twitch's documented examples (tests/vectors) and request checks.

use http::StatusCode;
use serde_json::Value;

use super::{Endpoint, Helix, HelixResponse};
use crate::{Error, Secret};

/// Loads a vector file by operation id from `tests/vectors/helix` (or `helix-retired`).
pub(crate) fn vector(file: &str) -> Value {
    let root = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/vectors/");
    let text = std::fs::read_to_string(format!("{root}helix/{file}.json"))
        .or_else(|_| std::fs::read_to_string(format!("{root}helix-retired/{file}.json")))
        .unwrap_or_else(|e| panic!("vector {file}: {e}"));
    serde_json::from_str(&text).unwrap()
}

/// The `n`th documented example response body of an operation.
pub(crate) fn example_body(file: &str, n: usize) -> Vec<u8> {
    let v = vector(file);
    let body = &v["examples"][n]["response_body"];
    assert!(!body.is_null(), "{file} example {n} has a response body");
    serde_json::to_vec(body).unwrap()
}

/// Parses a body as a 200 answer of endpoint `E`.
pub(crate) fn parse_ok<E: Endpoint>(body: &[u8]) -> HelixResponse<E::Response> {
    let response = http::Response::builder()
        .status(StatusCode::OK)
        .header("Ratelimit-Limit", "800")
        .header("Ratelimit-Remaining", "799")
        .header("Ratelimit-Reset", "1700000000")
        .body(body.to_vec())
        .unwrap();
    helix()
        .parse_response::<E, _>(&response)
        .unwrap_or_else(|e| panic!("{} example parses: {e}", E::NAME))
}

pub(crate) fn helix() -> Helix {
    Helix::new("cid")
}

/// Builds the request of `endpoint` and returns (method, path and query, body as JSON).
pub(crate) fn build<E: Endpoint>(endpoint: &E) -> (String, String, Option<Value>) {
    let req = helix()
        .build_request(endpoint, &Secret::new("tok"))
        .unwrap_or_else(|e| panic!("{} builds: {e}", E::NAME));
    assert_eq!(req.headers()["client-id"], "cid");
    assert_eq!(req.headers()["authorization"], "Bearer tok");
    let uri = req.uri();
    let path = uri
        .path_and_query()
        .unwrap()
        .as_str()
        .trim_start_matches("/helix")
        .to_owned();
    let body = if req.body().is_empty() {
        None
    } else {
        assert_eq!(req.headers()["content-type"], "application/json");
        Some(serde_json::from_slice(req.body()).unwrap())
    };
    (req.method().to_string(), path, body)
}

/// Asserts that building fails with `InvalidArgument` (nothing would be sent).
pub(crate) fn assert_invalid<E: Endpoint>(endpoint: &E) {
    match helix().build_request(endpoint, &Secret::new("tok")) {
        Err(Error::InvalidArgument(_)) => {}
        other => panic!("{} expected InvalidArgument, got {other:?}", E::NAME),
    }
}

/// Asserts the documented example request's query pairs equal what we build.
pub(crate) fn documented_query(file: &str, example: usize) -> Vec<(String, String)> {
    let v = vector(file);
    v["examples"][example]["requests"][0]["query"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| {
            (
                p[0].as_str().unwrap().to_owned(),
                p[1].as_str().unwrap().to_owned(),
            )
        })
        .collect()
}

/// Query pairs of a built request.
pub(crate) fn query_of<E: Endpoint>(endpoint: &E) -> Vec<(String, String)> {
    endpoint
        .query()
        .pairs()
        .iter()
        .map(|(k, v)| (k.to_string(), v.clone()))
        .collect()
}

/// Asserts that every documented pair occurs in `ours`, in the same order. `ours`
/// may hold more pairs: defaults the documented request leaves out (`first`).
pub(crate) fn assert_contains_in_order(ours: &[(String, String)], documented: &[(String, String)]) {
    let mut rest = ours.iter();
    for pair in documented {
        assert!(
            rest.any(|p| p == pair),
            "documented pair {pair:?} missing or out of order in {ours:?}"
        );
    }
}
