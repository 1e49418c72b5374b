//! POST /helix/channels/commercial.

use axum::response::Response;
use serde::{Deserialize, Serialize};

use super::{data, json_body, Auth, HelixRequest};
use crate::errors::ApiError;
use crate::state::State;

const LENGTHS: [u64; 6] = [30, 60, 90, 120, 150, 180];
/// Seconds until the next commercial may run, as in Twitch's example.
const RETRY_AFTER: u64 = 480;

#[derive(Debug, Deserialize)]
struct StartCommercial {
    broadcaster_id: String,
    length: u64,
}

#[derive(Serialize)]
struct Commercial {
    length: u64,
    message: String,
    retry_after: u64,
}

/// Starts a commercial on the token user's channel (scope `channel:edit:commercial`;
/// body `broadcaster_id` = token user, `length` one of 30..=180 in steps of 30).
pub(crate) fn start(
    state: &mut State,
    auth: &Auth,
    req: &HelixRequest,
) -> Result<Response, ApiError> {
    auth.user_with(&["channel:edit:commercial"])?;
    let body: StartCommercial = json_body(req)?;
    if body.broadcaster_id.is_empty() {
        return Err(ApiError::bad_request(
            "Missing required parameter \"broadcaster_id\"",
        ));
    }
    auth.require_self("broadcaster_id", &body.broadcaster_id)?;
    if !LENGTHS.contains(&body.length) {
        return Err(ApiError::bad_request(
            "The length must be one of 30, 60, 90, 120, 150 or 180 seconds",
        ));
    }
    if state.data.user(&body.broadcaster_id).is_none() {
        return Err(ApiError::bad_request("The broadcaster does not exist"));
    }
    data(vec![Commercial {
        length: body.length,
        message: String::new(),
        retry_after: RETRY_AFTER,
    }])
}
