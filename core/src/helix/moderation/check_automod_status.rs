//! [Check AutoMod Status](https://dev.twitch.tv/docs/api/reference#check-automod-status)

use http::Method;
use serde::{Deserialize, Serialize};
use serde_json::{json, Value};

use super::AutoModStatus;
use crate::helix::{Auth, Endpoint, Query, Scopes};
use crate::{AuthScope, Error};

/// `check_automod_status`: whether AutoMod would hold a message for review in
/// the broadcaster's chat.
///
/// Auth: user token of the broadcaster with `moderation:read`. Rule: none of the
/// four parameters is empty. The seed's `user_id` (the sender) is kept for
/// compatibility but no longer sent: Twitch dropped it from the request.
///
/// ```
/// use twitchapi_core::helix::{moderation::CheckAutomodStatus, Endpoint};
/// let req = CheckAutomodStatus::new("12345", "123", "Hello World!", "67890");
/// assert_eq!(req.query().encode(), "broadcaster_id=12345");
/// assert_eq!(
///     req.body(),
///     Some(serde_json::json!({"data": [{"msg_id": "123", "msg_text": "Hello World!"}]}))
/// );
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CheckAutomodStatus {
    /// The broadcaster's user id (query `broadcaster_id`).
    pub broadcaster_id: String,
    /// The caller's id for the message, echoed in the answer.
    pub msg_id: String,
    /// The message text.
    pub msg_text: String,
    /// The sender's user id (not sent: Twitch no longer accepts it).
    pub user_id: String,
}

impl CheckAutomodStatus {
    /// A check of one message.
    pub fn new(
        broadcaster_id: impl Into<String>,
        msg_id: impl Into<String>,
        msg_text: impl Into<String>,
        user_id: impl Into<String>,
    ) -> Self {
        CheckAutomodStatus {
            broadcaster_id: broadcaster_id.into(),
            msg_id: msg_id.into(),
            msg_text: msg_text.into(),
            user_id: user_id.into(),
        }
    }
}

impl Endpoint for CheckAutomodStatus {
    const METHOD: Method = Method::POST;
    const PATH: &'static str = "moderation/enforcements/status";
    const AUTH: Auth = Auth::User(Scopes::All(&[AuthScope::ModerationRead]));
    const NAME: &'static str = "check_automod_status";
    const PARAMS: &'static [&'static str] = &[
        "broadcaster_id: string, required",
        "msg_id: string, required",
        "msg_text: string, required",
        "user_id: string, required",
    ];
    type Response = Vec<AutoModStatus>;

    fn validate(&self) -> Result<(), Error> {
        let fields = [
            ("broadcaster_id", &self.broadcaster_id),
            ("msg_id", &self.msg_id),
            ("msg_text", &self.msg_text),
            ("user_id", &self.user_id),
        ];
        for (name, value) in fields {
            if value.is_empty() {
                return Err(Error::invalid(format!("{name} must not be empty")));
            }
        }
        Ok(())
    }

    fn query(&self) -> Query {
        let mut q = Query::new();
        q.push("broadcaster_id", &self.broadcaster_id);
        q
    }

    fn body(&self) -> Option<Value> {
        Some(json!({"data": [{"msg_id": self.msg_id, "msg_text": self.msg_text}]}))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::helix::test_util::*;

    #[test]
    fn builds_documented_request() {
        let req = CheckAutomodStatus::new("12345", "123", "Hello World!", "1");
        assert_eq!(query_of(&req), documented_query("check-automod-status", 0));
        let (method, path, body) = build(&req);
        assert_eq!(method, "POST");
        assert_eq!(path, "/moderation/enforcements/status?broadcaster_id=12345");
        let documented = &vector("check-automod-status")["examples"][0]["requests"][0]["body"];
        let body = body.unwrap();
        assert_eq!(body["data"][0], documented["data"][0]);
        assert_eq!(body["data"].as_array().unwrap().len(), 1);
        assert_eq!(req.auth().scopes(), &[AuthScope::ModerationRead]);
    }

    #[test]
    fn parses_documented_example() {
        let res = parse_ok::<CheckAutomodStatus>(&example_body("check-automod-status", 0));
        assert_eq!(res.data.len(), 2);
        assert_eq!(res.data[0].msg_id, "123");
        assert!(res.data[0].is_permitted);
        assert_eq!(res.data[1].msg_id, "393");
        assert!(!res.data[1].is_permitted);
        assert_eq!(res.cursor, None);
    }

    #[test]
    fn rules() {
        assert_invalid(&CheckAutomodStatus::new("", "m", "t", "u"));
        assert_invalid(&CheckAutomodStatus::new("b", "", "t", "u"));
        assert_invalid(&CheckAutomodStatus::new("b", "m", "", "u"));
        assert_invalid(&CheckAutomodStatus::new("b", "m", "t", ""));
        assert!(CheckAutomodStatus::new("b", "m", "t", "u")
            .validate()
            .is_ok());
    }

    #[test]
    fn deserializes_seed_parameters() {
        let req: CheckAutomodStatus = serde_json::from_str(
            r#"{"broadcaster_id":"1","msg_id":"m","msg_text":"t","user_id":"2"}"#,
        )
        .unwrap();
        assert_eq!(req, CheckAutomodStatus::new("1", "m", "t", "2"));
        assert!(serde_json::from_str::<CheckAutomodStatus>(r#"{"broadcaster_id":"1"}"#).is_err());
        let unknown = r#"{"broadcaster_id":"1","msg_id":"m","msg_text":"t","user_id":"2","x":1}"#;
        assert!(serde_json::from_str::<CheckAutomodStatus>(unknown).is_err());
    }
}
