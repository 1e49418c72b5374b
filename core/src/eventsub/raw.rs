//! [`RawEvent`]: an event's JSON as Twitch sent it, read into a model only
//! when asked.

use serde::Serialize;
use serde_json::value::RawValue;

use super::types::{self, EventSubEvent};
use crate::Error;

/// The `event` object of a notification, kept as the text Twitch sent.
///
/// Keeping the text means a notification is read once (no JSON tree is built
/// for it), can be forwarded byte for byte, and is read into its typed model
/// only by those who want it ([`RawEvent::parse`]).
///
/// ```
/// use twitchapi_core::eventsub::types::EventSubEvent;
/// use twitchapi_core::eventsub::RawEvent;
///
/// let raw = RawEvent::from_json(r#"{"id":"9001","broadcaster_user_id":"1337","broadcaster_user_login":"cool_user","broadcaster_user_name":"Cool_User","type":"live","started_at":"2020-10-11T10:11:12.123Z"}"#).unwrap();
/// assert!(raw.get().starts_with(r#"{"id":"9001""#));
/// match raw.parse("stream.online", "1").unwrap() {
///     EventSubEvent::StreamOnlineV1(online) => assert_eq!(online.broadcaster_user_login, "cool_user"),
///     other => panic!("{other:?}"),
/// }
/// ```
#[derive(Debug, Clone, Serialize)]
#[serde(transparent)]
pub struct RawEvent(Box<RawValue>);

impl RawEvent {
    /// Wraps JSON text after checking that it is JSON.
    ///
    /// # Errors
    ///
    /// [`Error::Protocol`] when `json` is not JSON.
    pub fn from_json(json: &str) -> Result<RawEvent, Error> {
        RawValue::from_string(json.to_owned())
            .map(RawEvent)
            .map_err(|e| Error::Protocol(format!("eventsub event: {e}")))
    }

    pub(crate) fn from_raw(raw: Box<RawValue>) -> RawEvent {
        RawEvent(raw)
    }

    /// The JSON text, exactly as sent.
    pub fn get(&self) -> &str {
        self.0.get()
    }

    /// The event as a JSON tree.
    pub fn to_value(&self) -> serde_json::Value {
        // the text was checked to be JSON when it was read
        serde_json::from_str(self.0.get()).unwrap_or(serde_json::Value::Null)
    }

    /// Reads the event with the model of subscription type `kind`, version
    /// `version`, straight from the text ([`types::parse_event_json`]).
    ///
    /// # Errors
    ///
    /// [`Error::Protocol`] when the event does not fit the model of a known
    /// type; an unknown type or version gives [`EventSubEvent::Raw`].
    pub fn parse(&self, kind: &str, version: &str) -> Result<EventSubEvent, Error> {
        types::parse_event_json(kind, version, self.0.get())
    }
}

impl PartialEq for RawEvent {
    fn eq(&self, other: &RawEvent) -> bool {
        self.get() == other.get()
    }
}

impl std::fmt::Display for RawEvent {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.get())
    }
}
