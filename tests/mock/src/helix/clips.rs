//! GET and POST /helix/clips.

use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde::Serialize;
use time::{Duration, OffsetDateTime};

use super::{data, exactly_one, page, Auth, HelixRequest};
use crate::errors::ApiError;
use crate::model::Clip;
use crate::state::State;

#[derive(Serialize)]
struct CreatedClip {
    id: String,
    edit_url: String,
}

#[derive(Serialize)]
struct CreatedBody {
    data: Vec<CreatedClip>,
}

/// Clips the live stream of `broadcaster_id` (scope `clips:edit`; 404 when
/// not live); answers 202 and adds the clip to GET /clips.
pub(crate) fn create(
    state: &mut State,
    auth: &Auth,
    req: &HelixRequest,
) -> Result<Response, ApiError> {
    let creator_id = auth.user_with(&["clips:edit"])?.to_owned();
    let broadcaster_id = req.params.required("broadcaster_id")?;
    req.params.boolean("has_delay")?;
    let data = &state.data;
    let (Some(broadcaster), Some(channel), Some(_)) = (
        data.user(broadcaster_id),
        data.channel(broadcaster_id),
        data.is_live(broadcaster_id),
    ) else {
        return Err(ApiError::not_found(
            "The broadcaster in the broadcaster_id query parameter must be broadcasting live",
        ));
    };
    let (broadcaster, channel) = (broadcaster.clone(), channel.clone());
    let creator_name = data
        .user(&creator_id)
        .map(|u| u.display_name.clone())
        .unwrap_or_default();
    let secret = state.next_secret();
    let id = format!("MockClip{}", &secret[..16]);
    let now = OffsetDateTime::now_utc();
    let clip = Clip {
        url: format!("https://clips.twitch.tv/{id}"),
        embed_url: format!("https://clips.twitch.tv/embed?clip={id}"),
        id: id.clone(),
        broadcaster_id: broadcaster.id.clone(),
        broadcaster_name: broadcaster.display_name.clone(),
        creator_id,
        creator_name,
        video_id: String::new(),
        game_id: channel.game_id,
        language: channel.broadcaster_language,
        title: channel.title,
        view_count: 0,
        created_at: now.replace_nanosecond(0).unwrap_or(now),
        thumbnail_url: format!("https://clips-media-assets.twitch.tv/{id}-preview-480x272.jpg"),
        duration: 30.0,
        vod_offset: None,
        is_featured: false,
    };
    let edit_url = format!("https://www.twitch.tv/{}/clip/{id}", broadcaster.login);
    state.data.clips.push(clip);
    let body = CreatedBody {
        data: vec![CreatedClip { id, edit_url }],
    };
    Ok((StatusCode::ACCEPTED, Json(body)).into_response())
}

/// Clips by `id` (1 to 100), or of one `broadcaster_id` or `game_id` (most
/// viewed first, optionally within `started_at`..`ended_at`, default window one
/// week from `started_at`, and filtered by `is_featured`).
pub(crate) fn get(
    state: &mut State,
    _auth: &Auth,
    req: &HelixRequest,
) -> Result<Response, ApiError> {
    let params = &req.params;
    let selector = exactly_one(params, &["id", "broadcaster_id", "game_id"])?;
    let started_at = params.datetime("started_at")?;
    let ended_at = params.datetime("ended_at")?;
    let featured = params.boolean("is_featured")?;
    let paging = params.page(true)?;
    let clips = &state.data.clips;
    if selector == 0 {
        let ids = params.list("id", 100)?;
        let found: Vec<Clip> = ids
            .iter()
            .filter_map(|id| clips.iter().find(|c| c.id == *id))
            .cloned()
            .collect();
        return data(found);
    }
    let key = if selector == 1 {
        "broadcaster_id"
    } else {
        "game_id"
    };
    let wanted = params.list(key, 1)?;
    let wanted = wanted.first().copied().unwrap_or_default();
    let ended_at = ended_at.or_else(|| started_at.and_then(|s| s.checked_add(Duration::weeks(1))));
    let mut found: Vec<Clip> = clips
        .iter()
        .filter(|c| {
            let owner = if selector == 1 {
                &c.broadcaster_id
            } else {
                &c.game_id
            };
            owner == wanted
        })
        .filter(|c| started_at.is_none_or(|s| c.created_at >= s))
        .filter(|c| ended_at.is_none_or(|e| c.created_at <= e))
        .filter(|c| featured.is_none_or(|f| c.is_featured == f))
        .cloned()
        .collect();
    found.sort_by(|a, b| {
        b.view_count
            .cmp(&a.view_count)
            .then_with(|| a.id.cmp(&b.id))
    });
    let (data, pagination) = paging.apply(&found);
    page(data, pagination)
}
