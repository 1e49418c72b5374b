//! [Create Stream Marker](https://dev.twitch.tv/docs/api/reference#create-stream-marker)

use http::Method;
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use super::CreatedMarker;
use crate::helix::{Auth, Endpoint, Query, Scopes};
use crate::{AuthScope, Error};

/// `create_stream_marker`: adds a marker at the current position of a live stream.
///
/// Auth: user token with `channel:manage:broadcast` (today's scope; the seed's
/// `user:edit:broadcast` is no longer accepted). Rule: `description` has at most
/// 140 characters. The description is sent only when given.
///
/// ```
/// use twitchapi_core::helix::{streams::CreateStreamMarker, Endpoint};
/// let mut req = CreateStreamMarker::new("123");
/// req.description = Some("hello".into());
/// assert!(req.query().is_empty());
/// assert_eq!(
///     req.body(),
///     Some(serde_json::json!({"user_id": "123", "description": "hello"}))
/// );
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CreateStreamMarker {
    /// The broadcaster in whose live stream the marker is created.
    pub user_id: String,
    /// Description of the marker, at most 140 characters.
    #[serde(default)]
    pub description: Option<String>,
}

impl CreateStreamMarker {
    /// A marker without description in this broadcaster's stream.
    pub fn new(user_id: impl Into<String>) -> Self {
        CreateStreamMarker {
            user_id: user_id.into(),
            description: None,
        }
    }
}

impl Endpoint for CreateStreamMarker {
    const METHOD: Method = Method::POST;
    const PATH: &'static str = "streams/markers";
    const AUTH: Auth = Auth::User(Scopes::All(&[AuthScope::ChannelManageBroadcast]));
    const NAME: &'static str = "create_stream_marker";
    const PARAMS: &'static [&'static str] = &["user_id: string, required", "description: string"];
    type Response = Vec<CreatedMarker>;

    fn validate(&self) -> Result<(), Error> {
        if let Some(description) = &self.description {
            let len = description.chars().count();
            if len > 140 {
                return Err(Error::invalid(format!(
                    "description can have at most 140 characters, got {len}"
                )));
            }
        }
        Ok(())
    }

    fn query(&self) -> Query {
        Query::new()
    }

    fn body(&self) -> Option<Value> {
        let mut body = Map::new();
        body.insert("user_id".to_owned(), Value::String(self.user_id.clone()));
        if let Some(description) = &self.description {
            body.insert("description".to_owned(), Value::String(description.clone()));
        }
        Some(Value::Object(body))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::helix::test_util::*;
    use serde_json::json;

    #[test]
    fn builds_documented_request() {
        let req = CreateStreamMarker {
            description: Some("hello, this is a marker!".into()),
            ..CreateStreamMarker::new("123")
        };
        let doc = &vector("create-stream-marker")["examples"][0]["requests"][0];
        assert_eq!(query_of(&req), documented_query("create-stream-marker", 0));
        let (method, path, body) = build(&req);
        assert_eq!(method, "POST");
        assert_eq!(path, "/streams/markers");
        assert_eq!(body.as_ref(), Some(&doc["body"]));
        assert_eq!(
            build(&CreateStreamMarker::new("7")).2,
            Some(json!({"user_id": "7"}))
        );
        assert_eq!(req.auth().scopes(), &[AuthScope::ChannelManageBroadcast]);
    }

    #[test]
    fn parses_documented_example() {
        let res = parse_ok::<CreateStreamMarker>(&example_body("create-stream-marker", 0));
        let marker = &res.data[0];
        assert_eq!(marker.id, "123");
        assert_eq!(marker.created_at.unix_timestamp(), 1534795803);
        assert_eq!(marker.description, "hello, this is a marker!");
        assert_eq!(marker.position_seconds, 244);
        let text_id = br#"{"data":[{"id":"106b8d","created_at":"2018-08-20T20:10:03Z",
            "description":"","position_seconds":0}]}"#;
        assert_eq!(parse_ok::<CreateStreamMarker>(text_id).data[0].id, "106b8d");
    }

    #[test]
    fn rules() {
        let with = |n: usize| CreateStreamMarker {
            description: Some("é".repeat(n)),
            ..CreateStreamMarker::new("1")
        };
        assert_invalid(&with(141));
        assert!(with(140).validate().is_ok());
        assert!(CreateStreamMarker::new("1").validate().is_ok());
    }

    #[test]
    fn deserializes_seed_parameters() {
        let req: CreateStreamMarker =
            serde_json::from_str(r#"{"user_id":"1","description":null}"#).unwrap();
        assert_eq!(req, CreateStreamMarker::new("1"));
        let unknown = r#"{"user_id":"1","broadcaster_id":"1"}"#;
        assert!(serde_json::from_str::<CreateStreamMarker>(unknown).is_err());
    }
}
