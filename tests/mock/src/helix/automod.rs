//! POST /helix/moderation/enforcements/status.

use axum::response::Response;
use serde::{Deserialize, Serialize};

use super::{data, json_body, Auth, HelixRequest};
use crate::errors::ApiError;
use crate::seeded::BAD_WORDS;
use crate::state::State;

const MAX_MESSAGES: usize = 100;

#[derive(Debug, Deserialize)]
struct Message {
    msg_id: String,
    msg_text: String,
}

#[derive(Debug, Deserialize)]
struct CheckBody {
    data: Vec<Message>,
}

#[derive(Serialize)]
struct Verdict {
    msg_id: String,
    is_permitted: bool,
}

/// `false` when a whole word of `text` is one of [`BAD_WORDS`].
fn permitted(text: &str) -> bool {
    !text
        .split(|c: char| !c.is_alphanumeric())
        .any(|word| BAD_WORDS.iter().any(|bad| word.eq_ignore_ascii_case(bad)))
}

/// Whether each message would pass AutoMod in the token user's channel
/// (`broadcaster_id` = token user; body `{"data":[{"msg_id","msg_text"}]}`).
pub(crate) fn check(
    _state: &mut State,
    auth: &Auth,
    req: &HelixRequest,
) -> Result<Response, ApiError> {
    auth.owner(
        req,
        &["moderation:read", "moderator:manage:automod"],
        "broadcaster_id",
    )?;
    let body: CheckBody = json_body(req)?;
    if body.data.is_empty() || body.data.len() > MAX_MESSAGES {
        return Err(ApiError::bad_request(
            "The data field must contain 1 to 100 messages",
        ));
    }
    if body
        .data
        .iter()
        .any(|m| m.msg_id.is_empty() || m.msg_text.is_empty())
    {
        return Err(ApiError::bad_request(
            "Each message must have a non-empty msg_id and msg_text",
        ));
    }
    data(
        body.data
            .into_iter()
            .map(|m| Verdict {
                is_permitted: permitted(&m.msg_text),
                msg_id: m.msg_id,
            })
            .collect(),
    )
}

#[cfg(test)]
mod tests {
    use super::permitted;

    #[test]
    fn bad_words_are_whole_words() {
        assert!(permitted("Hello World!"));
        assert!(!permitted("Boooooo!"));
        assert!(!permitted("what a NOOB"));
        assert!(permitted("noobish"));
    }
}
