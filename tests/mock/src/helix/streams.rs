//! GET /helix/streams and GET /helix/streams/key.

use axum::response::Response;
use serde::Serialize;

use super::{data, page, Auth, HelixRequest};
use crate::errors::ApiError;
use crate::model::Stream;
use crate::state::{splitmix, State};

#[derive(Serialize)]
struct StreamKey {
    stream_key: String,
}

/// The token user's stream key (scope `channel:read:stream_key`;
/// `broadcaster_id` = token user): `live_<id>_<30 chars>`, stable per user.
pub(crate) fn key(
    _state: &mut State,
    auth: &Auth,
    req: &HelixRequest,
) -> Result<Response, ApiError> {
    let broadcaster_id = auth.owner(req, &["channel:read:stream_key"], "broadcaster_id")?;
    const ALPHABET: &[u8; 36] = b"0123456789abcdefghijklmnopqrstuvwxyz";
    let mut word = broadcaster_id
        .bytes()
        .fold(0x006b_6579_u64, |acc, b| splitmix(acc ^ u64::from(b)));
    let secret: String = (0..30)
        .map(|_| {
            word = splitmix(word);
            ALPHABET[(word % 36) as usize] as char
        })
        .collect();
    data(vec![StreamKey {
        stream_key: format!("live_{broadcaster_id}_{secret}"),
    }])
}

/// Live streams, highest viewer count first. `user_id` and `user_login` select
/// users (either list matching); `game_id` and `language` narrow further.
pub(crate) fn get(
    state: &mut State,
    _auth: &Auth,
    req: &HelixRequest,
) -> Result<Response, ApiError> {
    let user_ids = req.params.list("user_id", 100)?;
    let user_logins = req.params.list("user_login", 100)?;
    let game_ids = req.params.list("game_id", 100)?;
    let languages = req.params.list("language", 100)?;
    req.params.one_of("type", &["all", "live"])?;
    let paging = req.params.page(true)?;
    let any_user = !user_ids.is_empty() || !user_logins.is_empty();
    let streams: Vec<Stream> = state
        .data
        .streams
        .iter()
        .filter_map(|live| state.data.stream_view(live))
        .filter(|s| {
            !any_user
                || user_ids.contains(&s.user_id.as_str())
                || user_logins
                    .iter()
                    .any(|l| l.eq_ignore_ascii_case(&s.user_login))
        })
        .filter(|s| game_ids.is_empty() || game_ids.contains(&s.game_id.as_str()))
        .filter(|s| languages.is_empty() || languages.contains(&s.language.as_str()))
        .collect();
    let (data, pagination) = paging.apply(&streams);
    page(data, pagination)
}
