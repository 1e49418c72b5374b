//! JSON request bodies, with Twitch-like messages when they do not fit.

use serde::de::DeserializeOwned;
use serde_json::error::Category;

use super::HelixRequest;
use crate::errors::ApiError;

/// The JSON request body; 400 when it is missing or does not fit `T`.
pub(crate) fn json_body<T: DeserializeOwned>(req: &HelixRequest) -> Result<T, ApiError> {
    serde_json::from_slice(&req.body).map_err(|e| ApiError::bad_request(message(&e)))
}

/// A message naming what is wrong in terms of the request, not of the mock's types.
fn message(error: &serde_json::Error) -> String {
    if !matches!(error.classify(), Category::Data) {
        return "The request body is not valid JSON".to_owned();
    }
    let text = error.to_string();
    // serde_json appends " at line L column C".
    let detail = match text.rfind(" at line ") {
        Some(at) => &text[..at],
        None => text.as_str(),
    };
    if let Some(field) = detail
        .strip_prefix("missing field `")
        .and_then(|rest| rest.split('`').next())
    {
        return format!("Missing required field \"{field}\"");
    }
    if detail.contains("expected struct") || detail.contains("expected a map") {
        return "The request body must be a JSON object".to_owned();
    }
    let detail = detail
        .replace("expected a sequence", "expected an array")
        .replace("expected i64", "expected an integer")
        .replace("expected u64", "expected a non-negative integer")
        .replace("expected i32", "expected an integer")
        .replace("expected u32", "expected a non-negative integer");
    format!("The request body is malformed: {detail}")
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::Deserialize;

    #[derive(Debug, Deserialize)]
    #[allow(dead_code)]
    struct Sample {
        length: i64,
        tags: Option<Vec<String>>,
    }

    fn parse(json: &str) -> String {
        let req = HelixRequest {
            params: Default::default(),
            content_type: None,
            body: json.as_bytes().to_vec().into(),
        };
        json_body::<Sample>(&req).unwrap_err().message
    }

    #[test]
    fn messages_speak_of_the_request() {
        for syntax in ["", "{", "{x}", "[1,", "nope"] {
            assert_eq!(
                parse(syntax),
                "The request body is not valid JSON",
                "{syntax:?}"
            );
        }
        assert_eq!(parse("{}"), "Missing required field \"length\"");
        assert_eq!(parse("[]"), "The request body must be a JSON object");
        assert_eq!(parse("7"), "The request body must be a JSON object");
        assert_eq!(
            parse(r#"{"length":"soon"}"#),
            "The request body is malformed: invalid type: string \"soon\", expected an integer"
        );
        assert_eq!(
            parse(r#"{"length":1,"tags":"x"}"#),
            "The request body is malformed: invalid type: string \"x\", expected an array"
        );
    }
}
