//! GET /helix/streams.

use axum::response::Response;

use super::{page, Auth, HelixRequest};
use crate::errors::ApiError;
use crate::model::Stream;
use crate::state::State;

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
