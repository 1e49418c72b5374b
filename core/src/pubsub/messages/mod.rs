//! Decoded PubSub messages.

use crate::Error;

/// A decoded PubSub message.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
#[non_exhaustive]
pub enum Message {
    /// Raw JSON.
    Other(serde_json::Value),
}

/// Decodes `message` of `topic`.
pub fn decode(topic: &str, message: &str) -> Result<Message, Error> {
    serde_json::from_str(message)
        .map(Message::Other)
        .map_err(|e| Error::Protocol(format!("{topic}: {e}")))
}
