//! [Get Stream Key](https://dev.twitch.tv/docs/api/reference#get-stream-key)

use http::Method;
use serde::{Deserialize, Serialize};

use super::StreamKey;
use crate::helix::{Auth, Endpoint, Query, Scopes};
use crate::{AuthScope, Error};

/// `get_stream_key`: the broadcaster's stream key.
///
/// Auth: user token of the broadcaster with `channel:read:stream_key`. Rule:
/// `broadcaster_id` is not empty. The key is a [`crate::Secret`]: `Debug`
/// redacts it, serializing writes it.
///
/// ```
/// use twitchapi_core::helix::{streams::GetStreamKey, Endpoint};
/// let req = GetStreamKey::new("141981764");
/// assert_eq!(req.query().encode(), "broadcaster_id=141981764");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GetStreamKey {
    /// The broadcaster's user id.
    pub broadcaster_id: String,
}

impl GetStreamKey {
    /// The stream key request of this broadcaster.
    pub fn new(broadcaster_id: impl Into<String>) -> Self {
        GetStreamKey {
            broadcaster_id: broadcaster_id.into(),
        }
    }
}

impl Endpoint for GetStreamKey {
    const METHOD: Method = Method::GET;
    const PATH: &'static str = "streams/key";
    const AUTH: Auth = Auth::User(Scopes::All(&[AuthScope::ChannelReadStreamKey]));
    const NAME: &'static str = "get_stream_key";
    const PARAMS: &'static [&'static str] = &["broadcaster_id: string, required"];
    type Response = Vec<StreamKey>;

    fn validate(&self) -> Result<(), Error> {
        if self.broadcaster_id.is_empty() {
            return Err(Error::invalid("broadcaster_id must not be empty"));
        }
        Ok(())
    }

    fn query(&self) -> Query {
        let mut q = Query::new();
        q.push("broadcaster_id", &self.broadcaster_id);
        q
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::helix::test_util::*;

    #[test]
    fn builds_documented_request() {
        let req = GetStreamKey::new("141981764");
        assert_eq!(query_of(&req), documented_query("get-stream-key", 0));
        let (method, path, body) = build(&req);
        assert_eq!(method, "GET");
        assert_eq!(path, "/streams/key?broadcaster_id=141981764");
        assert_eq!(body, None);
        assert_eq!(req.auth().scopes(), &[AuthScope::ChannelReadStreamKey]);
    }

    #[test]
    fn parses_documented_example_and_redacts_the_key() {
        let res = parse_ok::<GetStreamKey>(&example_body("get-stream-key", 0));
        let key = &res.data[0];
        assert_eq!(key.stream_key.expose(), "live_44322889_a34ub37c8ajv98a0");
        let debug = format!("{:?}", res.data);
        assert!(!debug.contains("live_44322889"), "{debug}");
        assert!(debug.contains("[redacted]"));
        let json = serde_json::to_value(key).unwrap();
        assert_eq!(json["stream_key"], "live_44322889_a34ub37c8ajv98a0");
    }

    #[test]
    fn rules() {
        assert_invalid(&GetStreamKey::new(""));
        assert!(GetStreamKey::new("1").validate().is_ok());
    }

    #[test]
    fn deserializes_seed_parameters() {
        let req: GetStreamKey = serde_json::from_str(r#"{"broadcaster_id":"1"}"#).unwrap();
        assert_eq!(req, GetStreamKey::new("1"));
        assert!(serde_json::from_str::<GetStreamKey>(r#"{}"#).is_err());
        let unknown = r#"{"broadcaster_id":"1","user_id":"1"}"#;
        assert!(serde_json::from_str::<GetStreamKey>(unknown).is_err());
    }
}
