//! [Replace Stream Tags](https://dev.twitch.tv/docs/api/reference#replace-stream-tags) (retired by Twitch)

use http::{Method, StatusCode};
use serde::{Deserialize, Serialize};
use serde_json::{json, Value};

use crate::helix::endpoint::check_max_len;
use crate::helix::{parse_no_content, Auth, Endpoint, Parsed, Query, Scopes};
use crate::{AuthScope, Error};

/// `replace_stream_tags`: replaces the tags of a broadcaster's stream (an empty
/// list removes them all; automatic tags stay). Twitch answers 204 No Content.
///
/// Retired by Twitch; implemented as the seed documents it. Auth: user token of
/// the broadcaster with `channel:manage:broadcast`. Rule: at most 100 `tag_ids`.
///
/// ```
/// use twitchapi_core::helix::{tags::ReplaceStreamTags, Endpoint};
/// let req = ReplaceStreamTags::new("257788195", vec!["t1".into()]);
/// assert_eq!(req.query().encode(), "broadcaster_id=257788195");
/// assert_eq!(req.body(), Some(serde_json::json!({"tag_ids": ["t1"]})));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ReplaceStreamTags {
    /// The broadcaster's user id (query `broadcaster_id`).
    pub broadcaster_id: String,
    /// The tags to apply, at most 100 (`null` or `[]` removes all).
    #[serde(deserialize_with = "crate::serde_util::null_as_empty")]
    pub tag_ids: Vec<String>,
}

impl ReplaceStreamTags {
    /// Replaces the broadcaster's tags with `tag_ids`.
    pub fn new(broadcaster_id: impl Into<String>, tag_ids: Vec<String>) -> Self {
        ReplaceStreamTags {
            broadcaster_id: broadcaster_id.into(),
            tag_ids,
        }
    }
}

impl Endpoint for ReplaceStreamTags {
    const METHOD: Method = Method::PUT;
    const PATH: &'static str = "streams/tags";
    const AUTH: Auth = Auth::User(Scopes::All(&[AuthScope::ChannelManageBroadcast]));
    const NAME: &'static str = "replace_stream_tags";
    const PARAMS: &'static [&'static str] = &[
        "broadcaster_id: string, required",
        "tag_ids: [string], required",
    ];
    type Response = ();

    fn validate(&self) -> Result<(), Error> {
        check_max_len("tag_ids", &self.tag_ids, 100)
    }

    fn query(&self) -> Query {
        let mut q = Query::new();
        q.push("broadcaster_id", &self.broadcaster_id);
        q
    }

    fn body(&self) -> Option<Value> {
        Some(json!({ "tag_ids": self.tag_ids }))
    }

    fn parse_success(status: StatusCode, body: &[u8]) -> Result<Parsed<()>, Error> {
        parse_no_content(status, body)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::helix::test_util::*;

    /// The URL and body of the documented curl example.
    fn documented() -> (String, Value) {
        let v = vector("replace-stream-tags");
        let text = v["examples"].as_str().unwrap();
        let url = text.split("curl -X PUT '").nth(1).unwrap();
        let url = url.split('\'').next().unwrap().to_owned();
        let body = text
            .split("-d '")
            .nth(1)
            .unwrap()
            .split('\'')
            .next()
            .unwrap();
        (url, serde_json::from_str(body).unwrap())
    }

    #[test]
    fn builds_documented_request() {
        let (url, doc_body) = documented();
        let tags = vec![
            "621fb5bf-5498-4d8f-b4ac-db4d40d401bf".into(),
            "52d7e4cc-633d-46f5-818c-bb59102d9549".into(),
        ];
        let req = ReplaceStreamTags::new("257788195", tags);
        let (method, path, body) = build(&req);
        assert_eq!(method, "PUT");
        assert_eq!(format!("https://api.twitch.tv/helix{path}"), url);
        assert_eq!(body, Some(doc_body));
        let clear = ReplaceStreamTags::new("1", Vec::new());
        assert_eq!(build(&clear).2, Some(json!({"tag_ids": []})));
        assert_eq!(req.auth().scopes(), &[AuthScope::ChannelManageBroadcast]);
    }

    #[test]
    fn parses_no_content() {
        let response = http::Response::builder()
            .status(StatusCode::NO_CONTENT)
            .body(Vec::new())
            .unwrap();
        let res = helix()
            .parse_response::<ReplaceStreamTags, _>(&response)
            .unwrap();
        assert_eq!(res.data, ());
    }

    #[test]
    fn rules() {
        let ids = |n: usize| (0..n).map(|i| i.to_string()).collect::<Vec<_>>();
        assert_invalid(&ReplaceStreamTags::new("1", ids(101)));
        assert!(ReplaceStreamTags::new("1", ids(100)).validate().is_ok());
    }

    #[test]
    fn deserializes_seed_parameters() {
        let req: ReplaceStreamTags =
            serde_json::from_str(r#"{"broadcaster_id":"1","tag_ids":null}"#).unwrap();
        assert_eq!(req, ReplaceStreamTags::new("1", Vec::new()));
        assert!(serde_json::from_str::<ReplaceStreamTags>(r#"{"broadcaster_id":"1"}"#).is_err());
        let unknown = r#"{"broadcaster_id":"1","tag_ids":[],"tags":[]}"#;
        assert!(serde_json::from_str::<ReplaceStreamTags>(unknown).is_err());
    }
}
