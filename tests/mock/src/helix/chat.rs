//! POST /helix/chat/messages (Send Chat Message).

use std::time::{Duration, Instant};

use axum::response::Response;
use serde::{Deserialize, Serialize};

use super::{data, json_body, Auth, HelixRequest};
use crate::errors::ApiError;
use crate::state::State;

const MAX_MESSAGE: usize = 500;
/// Twitch drops a message identical to the sender's previous one in a channel within this.
const DUPLICATE_WINDOW: Duration = Duration::from_secs(30);

#[derive(Debug, Deserialize)]
struct SendMessage {
    broadcaster_id: String,
    sender_id: String,
    message: String,
    #[serde(default)]
    reply_parent_message_id: Option<String>,
    #[serde(default)]
    for_source_only: Option<bool>,
}

#[derive(Serialize)]
struct DropReason {
    code: &'static str,
    message: &'static str,
}

#[derive(Serialize)]
struct Sent {
    message_id: String,
    is_sent: bool,
    drop_reason: Option<DropReason>,
}

/// Sends a message as the token's user (scope `user:write:chat`, body
/// `sender_id` = token user) to a known broadcaster's chat. A message equal to
/// the sender's previous one in that chat within 30 s is dropped
/// (`is_sent: false`, `msg_duplicate`), as Twitch does.
pub(crate) fn send(
    state: &mut State,
    auth: &Auth,
    req: &HelixRequest,
) -> Result<Response, ApiError> {
    auth.user_with(&["user:write:chat"])?;
    let body: SendMessage = json_body(req)?;
    if body.broadcaster_id.is_empty() || body.sender_id.is_empty() {
        return Err(ApiError::bad_request(
            "Missing required field \"broadcaster_id\" or \"sender_id\"",
        ));
    }
    auth.require_self("sender_id", &body.sender_id)?;
    let length = body.message.chars().count();
    if length == 0 || length > MAX_MESSAGE {
        return Err(ApiError::bad_request(
            "The message must be 1 to 500 characters long",
        ));
    }
    if state.data.user(&body.broadcaster_id).is_none() {
        return Err(ApiError::bad_request("The broadcaster_id is not valid"));
    }
    let _ = (body.reply_parent_message_id, body.for_source_only);
    let now = Instant::now();
    let key = (body.broadcaster_id, body.sender_id);
    let duplicate = state.chat_last.get(&key).is_some_and(|(text, at)| {
        *text == body.message && now.duration_since(*at) < DUPLICATE_WINDOW
    });
    if duplicate {
        return data(vec![Sent {
            message_id: String::new(),
            is_sent: false,
            drop_reason: Some(DropReason {
                code: "msg_duplicate",
                message: "This message is identical to the previous one you sent within the last 30 seconds.",
            }),
        }]);
    }
    state.chat_last.insert(key, (body.message, now));
    data(vec![Sent {
        message_id: state.next_uuid(),
        is_sent: true,
        drop_reason: None,
    }])
}
