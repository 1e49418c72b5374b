//! GET and POST /helix/streams/markers.

use axum::response::Response;
use serde::{Deserialize, Serialize};
use time::OffsetDateTime;

use super::{data, exactly_one, json_body, page, Auth, HelixRequest, Pagination};
use crate::errors::ApiError;
use crate::model::{rfc3339, Marker};
use crate::seed_data::{live_vod_id, marker_url};
use crate::state::State;

const MAX_DESCRIPTION: usize = 140;

#[derive(Debug, Deserialize)]
struct CreateMarker {
    user_id: String,
    #[serde(default)]
    description: Option<String>,
}

#[derive(Serialize)]
struct CreatedMarker {
    id: String,
    created_at: String,
    description: String,
    position_seconds: u64,
}

/// Adds a marker to the token user's live stream (scope
/// `channel:manage:broadcast`; body `user_id` = token user); 404 when not live.
pub(crate) fn create(
    state: &mut State,
    auth: &Auth,
    req: &HelixRequest,
) -> Result<Response, ApiError> {
    auth.user_with(&["channel:manage:broadcast"])?;
    let body: CreateMarker = json_body(req)?;
    if body.user_id.is_empty() {
        return Err(ApiError::bad_request("Missing required field \"user_id\""));
    }
    auth.require_self("user_id", &body.user_id)?;
    let description = body.description.unwrap_or_default();
    if description.chars().count() > MAX_DESCRIPTION {
        return Err(ApiError::bad_request(
            "The description may not be longer than 140 characters",
        ));
    }
    let (Some(user), Some(live)) = (
        state.data.user(&body.user_id),
        state.data.is_live(&body.user_id),
    ) else {
        return Err(ApiError::not_found(
            "The user in the user_id field is not streaming live",
        ));
    };
    let now = OffsetDateTime::now_utc();
    let now = now.replace_nanosecond(0).unwrap_or(now);
    let position = (now - live.started_at).whole_seconds().max(0) as u64;
    let video_id = live_vod_id(&user.id);
    let url = marker_url(&user.login, &video_id, position);
    let id = state.next_uuid().replace('-', "");
    let marker = Marker {
        id: id.clone(),
        created_at: rfc3339(now),
        description: description.clone(),
        position_seconds: position,
        url,
        user_id: body.user_id,
        video_id,
    };
    state.data.markers.insert(0, marker.clone());
    data(vec![CreatedMarker {
        id,
        created_at: marker.created_at,
        description,
        position_seconds: position,
    }])
}

#[derive(Serialize)]
struct VideoMarkers {
    video_id: String,
    markers: Vec<Marker>,
}

#[derive(Serialize)]
struct UserMarkers {
    user_id: String,
    user_name: String,
    user_login: String,
    videos: Vec<VideoMarkers>,
}

/// The owner of a video (seeded, live or holding markers).
fn video_owner(state: &State, video_id: &str) -> Option<String> {
    let data = &state.data;
    data.markers
        .iter()
        .find(|m| m.video_id == video_id)
        .map(|m| m.user_id.clone())
        .or_else(|| {
            data.videos
                .iter()
                .find(|v| v.id == video_id)
                .map(|v| v.user_id.clone())
        })
        .or_else(|| {
            data.streams
                .iter()
                .find(|s| live_vod_id(&s.user_id) == video_id)
                .map(|s| s.user_id.clone())
        })
}

/// Markers of the token user's streams (`user_id` = token user) or of one of
/// the token user's videos (`video_id`; 403 for others' videos), newest
/// first, grouped by video; pages with `first`, `after`, `before`.
pub(crate) fn get(
    state: &mut State,
    auth: &Auth,
    req: &HelixRequest,
) -> Result<Response, ApiError> {
    let me = auth.user_with(&["user:read:broadcast", "channel:manage:broadcast"])?;
    let by_video = exactly_one(&req.params, &["user_id", "video_id"])? == 1;
    let paging = req.params.page(true)?;
    let (owner, video) = if by_video {
        let video_id = req.params.required("video_id")?;
        let owner = video_owner(state, video_id)
            .ok_or_else(|| ApiError::not_found("The video in video_id was not found"))?;
        if owner != me {
            return Err(ApiError::forbidden(
                "The user in the access token is not authorized to get this video's markers",
            ));
        }
        (owner, Some(video_id))
    } else {
        let user_id = req.params.required("user_id")?;
        auth.require_self("user_id", user_id)?;
        (user_id.to_owned(), None)
    };
    let markers: Vec<Marker> = state
        .data
        .markers
        .iter()
        .filter(|m| m.user_id == owner && video.is_none_or(|v| m.video_id == v))
        .cloned()
        .collect();
    let (markers, pagination) = paging.apply(&markers);
    let Some(user) = state.data.user(&owner).filter(|_| !markers.is_empty()) else {
        return page(Vec::<UserMarkers>::new(), Pagination::default());
    };
    let mut videos: Vec<VideoMarkers> = Vec::new();
    for marker in markers {
        match videos.iter_mut().find(|v| v.video_id == marker.video_id) {
            Some(group) => group.markers.push(marker),
            None => videos.push(VideoMarkers {
                video_id: marker.video_id.clone(),
                markers: vec![marker],
            }),
        }
    }
    let entry = UserMarkers {
        user_id: user.id.clone(),
        user_name: user.display_name.clone(),
        user_login: user.login.clone(),
        videos,
    };
    page(vec![entry], pagination)
}
