//! [Send Chat Message](https://dev.twitch.tv/docs/api/reference#send-chat-message)

use http::Method;
use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::helix::{Auth, Endpoint, Query, Scopes};
use crate::{AuthScope, Error};

/// `send_chat_message`: sends a message to a broadcaster's chat as
/// `sender_id` (the token's user), optionally as a reply.
///
/// Auth: user token with `user:write:chat` (an app token with `user:bot` /
/// `channel:bot` also works on Twitch; this client sends the user token).
/// Rules: the ids are required, the message has 1 to 500 characters.
///
/// ```
/// use twitchapi_core::helix::{chat::SendChatMessage, Endpoint};
/// let req = SendChatMessage::new("12826", "141981764", "Hello, world! twitchdevHype");
/// assert_eq!(req.body().unwrap()["message"], "Hello, world! twitchdevHype");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SendChatMessage {
    /// The channel.
    pub broadcaster_id: String,
    /// The sender (the token's user).
    pub sender_id: String,
    /// The text, 1 to 500 characters; emotes by name.
    pub message: String,
    /// The id of the message this replies to.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reply_parent_message_id: Option<String>,
    /// In a shared chat session: only the source channel sees it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub for_source_only: Option<bool>,
}

impl SendChatMessage {
    /// A message from `sender_id` to `broadcaster_id`'s chat.
    pub fn new(
        broadcaster_id: impl Into<String>,
        sender_id: impl Into<String>,
        message: impl Into<String>,
    ) -> Self {
        SendChatMessage {
            broadcaster_id: broadcaster_id.into(),
            sender_id: sender_id.into(),
            message: message.into(),
            reply_parent_message_id: None,
            for_source_only: None,
        }
    }
}

/// Why Twitch did not send a message.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct DropReason {
    /// A code, e.g. `msg_duplicate`, `msg_rejected_mandatory`.
    pub code: String,
    /// A readable message.
    #[serde(default)]
    pub message: String,
}

/// The outcome of Send Chat Message: Twitch answers 200 even when AutoMod or
/// a channel setting drops the message, so check `is_sent`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct SentMessage {
    /// The message's id (empty when it was dropped).
    #[serde(default)]
    pub message_id: String,
    /// Whether it was sent.
    pub is_sent: bool,
    /// Why not, when it was dropped.
    #[serde(default)]
    pub drop_reason: Option<DropReason>,
}

impl Endpoint for SendChatMessage {
    const METHOD: Method = Method::POST;
    const PATH: &'static str = "chat/messages";
    const AUTH: Auth = Auth::User(Scopes::All(&[AuthScope::UserWriteChat]));
    const NAME: &'static str = "send_chat_message";
    const PARAMS: &'static [&'static str] = &[
        "broadcaster_id: string, required",
        "sender_id: string, required",
        "message: string, required",
        "reply_parent_message_id: string",
        "for_source_only: boolean",
    ];
    type Response = Vec<SentMessage>;

    fn validate(&self) -> Result<(), Error> {
        if self.broadcaster_id.is_empty() || self.sender_id.is_empty() {
            return Err(Error::invalid("broadcaster_id and sender_id are required"));
        }
        let len = self.message.chars().count();
        if !(1..=500).contains(&len) {
            return Err(Error::invalid(format!(
                "message must have 1 to 500 characters, got {len}"
            )));
        }
        Ok(())
    }

    fn query(&self) -> Query {
        Query::new()
    }

    fn body(&self) -> Option<Value> {
        serde_json::to_value(self).ok()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::helix::test_util::*;

    #[test]
    fn builds_documented_request() {
        let mut req = SendChatMessage::new("12826", "141981764", "Hello, world! twitchdevHype");
        req.for_source_only = Some(true);
        let (method, path, body) = build(&req);
        assert_eq!(method, "POST");
        assert_eq!(path, "/chat/messages");
        assert_eq!(
            body.unwrap(),
            serde_json::json!({"broadcaster_id":"12826","sender_id":"141981764","message":"Hello, world! twitchdevHype","for_source_only":true})
        );
        assert_eq!(req.auth().scopes(), &[AuthScope::UserWriteChat]);
    }

    #[test]
    fn parses_documented_example_and_a_drop() {
        let res = parse_ok::<SendChatMessage>(&example_body("send-chat-message", 0));
        assert_eq!(res.data[0].message_id, "abc-123-def");
        assert!(res.data[0].is_sent);
        let dropped = parse_ok::<SendChatMessage>(
            br#"{"data":[{"message_id":"","is_sent":false,"drop_reason":{"code":"msg_duplicate","message":"This message is identical to the previous one you sent within the last 30 seconds."}}]}"#,
        );
        let reason = dropped.data[0].drop_reason.as_ref().unwrap();
        assert!(!dropped.data[0].is_sent);
        assert_eq!(reason.code, "msg_duplicate");
    }

    #[test]
    fn rules() {
        assert_invalid(&SendChatMessage::new("", "1", "hi"));
        assert_invalid(&SendChatMessage::new("1", "1", ""));
        assert_invalid(&SendChatMessage::new("1", "1", "é".repeat(501)));
        assert!(SendChatMessage::new("1", "1", "é".repeat(500))
            .validate()
            .is_ok());
    }
}
