//! `whispers.<user_id>`: a whisper sent or received by the user.
//!
//! On the wire the whisper sits twice in the message: `data` is the whisper as a
//! JSON *string*, `data_object` the same whisper as an object. Both are read
//! (`data_object` first) and both are written back.

use serde::de::Error as _;
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use time::OffsetDateTime;

use crate::serde_util::u64_or_string;

string_enum! {
    /// The `type` of a whisper message.
    WhisperType {
        /// `whisper_received`: the user received a whisper.
        WhisperReceived => "whisper_received",
        /// `whisper_sent`: the user sent a whisper.
        WhisperSent => "whisper_sent",
    }
}

/// A whisper message (`whispers.<user_id>`).
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct Whisper {
    /// `type`: received or sent.
    pub kind: WhisperType,
    /// The whisper (`data_object`, or `data` parsed from its JSON string).
    pub data: WhisperData,
}

/// The whisper itself.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct WhisperData {
    /// Id of this message (a UUID); absent in Twitch's 2016 document.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub message_id: Option<String>,
    /// Numeric id of the whisper within its thread.
    #[serde(deserialize_with = "u64_or_string")]
    pub id: u64,
    /// Id of the thread: both user ids, `<low>_<high>`.
    pub thread_id: String,
    /// The text.
    pub body: String,
    /// When it was sent (`sent_ts`, Unix seconds on the wire).
    #[serde(with = "time::serde::timestamp")]
    pub sent_ts: OffsetDateTime,
    /// User id of the sender.
    #[serde(deserialize_with = "u64_or_string")]
    pub from_id: u64,
    /// The sender's name, colour, emotes and badges.
    pub tags: WhisperTags,
    /// Who the whisper went to.
    pub recipient: WhisperRecipient,
    /// A nonce Twitch adds to some whispers.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub nonce: Option<String>,
}

/// The sender's chat tags.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct WhisperTags {
    /// Login name of the sender.
    pub login: String,
    /// Display name of the sender.
    #[serde(default)]
    pub display_name: String,
    /// Chat colour (`#RRGGBB`), `""` when none is set.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub color: String,
    /// Emotes in the body.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_empty")]
    pub emotes: Vec<WhisperEmote>,
    /// The sender's badges.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_empty")]
    pub badges: Vec<WhisperBadge>,
}

/// An emote in a whisper's body.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct WhisperEmote {
    /// Emote id.
    #[serde(deserialize_with = "super::string_or_number")]
    pub emote_id: String,
    /// Index of the first character of the emote in the body.
    pub start: u32,
    /// Index of the last character of the emote in the body.
    pub end: u32,
}

/// A chat badge.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct WhisperBadge {
    /// Badge set id (`staff`, `turbo`, ...).
    pub id: String,
    /// Badge version.
    #[serde(deserialize_with = "super::string_or_number")]
    pub version: String,
}

/// The receiver of a whisper.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct WhisperRecipient {
    /// User id.
    #[serde(deserialize_with = "u64_or_string")]
    pub id: u64,
    /// Login name.
    pub username: String,
    /// Display name.
    #[serde(default)]
    pub display_name: String,
    /// Chat colour, `""` when none is set.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub color: String,
    /// Badges (not always sent).
    #[serde(
        default,
        deserialize_with = "crate::serde_util::null_as_empty",
        skip_serializing_if = "Vec::is_empty"
    )]
    pub badges: Vec<WhisperBadge>,
}

#[derive(Deserialize)]
struct WireIn {
    #[serde(rename = "type")]
    kind: WhisperType,
    #[serde(default)]
    data: Option<serde_json::Value>,
    #[serde(default)]
    data_object: Option<WhisperData>,
}

#[derive(Serialize)]
struct WireOut<'a> {
    #[serde(rename = "type")]
    kind: &'a WhisperType,
    data: String,
    data_object: &'a WhisperData,
}

impl<'de> Deserialize<'de> for Whisper {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let wire = WireIn::deserialize(d)?;
        let data = match (wire.data_object, wire.data) {
            (Some(data), _) => data,
            (None, Some(serde_json::Value::String(text))) => serde_json::from_str(&text)
                .map_err(|e| D::Error::custom(format_args!("whisper data: {e}")))?,
            (None, Some(value @ serde_json::Value::Object(_))) => serde_json::from_value(value)
                .map_err(|e| D::Error::custom(format_args!("whisper data: {e}")))?,
            (None, _) => return Err(D::Error::missing_field("data_object")),
        };
        Ok(Whisper {
            kind: wire.kind,
            data,
        })
    }
}

impl Serialize for Whisper {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::Error as _;
        WireOut {
            kind: &self.kind,
            data: serde_json::to_string(&self.data).map_err(S::Error::custom)?,
            data_object: &self.data,
        }
        .serialize(s)
    }
}

#[cfg(test)]
mod tests {
    use time::macros::datetime;

    use super::super::test_util::message;
    use super::*;

    const FILE: &str = include_str!(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/vectors/pubsub/whispers.json"
    ));

    fn parse(text: &str) -> Whisper {
        serde_json::from_str(text).unwrap()
    }

    #[test]
    fn parses_the_captured_whisper() {
        let w = parse(&message(FILE, "whisper_received").message);
        assert_eq!(w.kind, WhisperType::WhisperReceived);
        let d = &w.data;
        assert_eq!(
            d.message_id.as_deref(),
            Some("e0e48a09-73f4-41e1-b92a-685776084467")
        );
        assert_eq!(d.id, 9042);
        assert_eq!(d.thread_id, "11148817_82008718");
        assert_eq!(d.body, "me Kappa");
        assert_eq!(d.sent_ts, datetime!(2022-04-16 12:45:46 UTC));
        assert_eq!(d.from_id, 82008718);
        assert_eq!(d.tags.login, "pajbot");
        assert_eq!(d.tags.color, "#2E8B57");
        assert_eq!(d.tags.emotes.len(), 1);
        assert_eq!(d.tags.emotes[0].emote_id, "25");
        assert_eq!((d.tags.emotes[0].start, d.tags.emotes[0].end), (3, 7));
        assert!(d.tags.badges.is_empty());
        assert_eq!(d.recipient.id, 11148817);
        assert_eq!(d.recipient.username, "pajlada");
        assert_eq!(d.recipient.color, "#CC44FF");
    }

    #[test]
    fn the_data_string_alone_is_enough() {
        let full: serde_json::Value =
            serde_json::from_str(&message(FILE, "whisper_received").message).unwrap();
        let only_string = serde_json::json!({"type": "whisper_sent", "data": full["data"]});
        let w: Whisper = serde_json::from_value(only_string).unwrap();
        assert_eq!(w.kind, WhisperType::WhisperSent);
        assert_eq!(w.data.body, "me Kappa");
        let missing = serde_json::json!({"type": "whisper_received"});
        assert!(serde_json::from_value::<Whisper>(missing).is_err());
        let bad_string = serde_json::json!({"type": "whisper_received", "data": "{"});
        assert!(serde_json::from_value::<Whisper>(bad_string).is_err());
    }

    #[test]
    fn parses_twitchs_2016_documented_shape() {
        // Twitch's 2016 document gives the shape only: the whisper as
        // `data_object`, beside `message`. Wrap it as the captured frames carry it.
        let doc: serde_json::Value = serde_json::from_str(FILE).unwrap();
        let shape = &doc["messages"][1]["documented_shape"]["data"];
        let text = serde_json::json!({
            "type": shape["message"]["type"],
            "data_object": shape["data_object"],
        })
        .to_string();
        let w = parse(&text);
        assert_eq!(w.kind, WhisperType::WhisperReceived);
        assert_eq!(w.data.id, 41);
        assert_eq!(w.data.message_id, None);
        assert_eq!(w.data.sent_ts, datetime!(2016-11-14 21:46:49 UTC));
        assert_eq!(w.data.tags.display_name, "Xangold");
        assert_eq!(w.data.tags.badges[0].id, "staff");
        assert_eq!(w.data.tags.badges[1].version, "1");
        assert_eq!(w.data.recipient.color, "");
        assert_eq!(
            w.data.nonce.as_deref(),
            Some("6GVBTfBXNj7d71BULYKjpiKapegDI1")
        );
    }

    #[test]
    fn serializes_to_the_wire_shape() {
        let text = message(FILE, "whisper_received").message;
        let w = parse(&text);
        let out = serde_json::to_value(&w).unwrap();
        let wire: serde_json::Value = serde_json::from_str(&text).unwrap();
        assert_eq!(out["type"], "whisper_received");
        assert_eq!(out["data_object"], wire["data_object"]);
        // `data` stays a JSON string holding the same whisper.
        let inner: serde_json::Value = serde_json::from_str(out["data"].as_str().unwrap()).unwrap();
        assert_eq!(inner, wire["data_object"]);
    }

    #[test]
    fn an_unknown_type_is_kept() {
        let text = message(FILE, "whisper_received").message.replacen(
            "whisper_received",
            "whisper_edited",
            1,
        );
        assert_eq!(
            parse(&text).kind,
            WhisperType::Unknown("whisper_edited".into())
        );
    }
}
