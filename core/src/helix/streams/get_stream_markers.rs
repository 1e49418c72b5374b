//! [Get Stream Markers](https://dev.twitch.tv/docs/api/reference#get-stream-markers)

use http::Method;
use serde::{Deserialize, Serialize};

use super::StreamMarkers;
use crate::helix::endpoint::check_first;
use crate::helix::{Auth, Endpoint, Query, Scopes};
use crate::{AuthScope, Error};

/// `get_stream_markers`: markers of a user's most recent stream or of a video,
/// newest first.
///
/// Auth: user token with `user:read:broadcast` or `channel:manage:broadcast`
/// (either one is enough). Rules: exactly one of `user_id`
/// and `video_id`; `first` in 1..=100; `first` is always sent (default 20).
///
/// ```
/// use twitchapi_core::helix::{streams::GetStreamMarkers, Endpoint};
/// let req = GetStreamMarkers { user_id: Some("123".into()), first: Some(5), ..Default::default() };
/// assert_eq!(req.query().encode(), "user_id=123&first=5");
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GetStreamMarkers {
    /// Markers of this broadcaster's most recent stream.
    #[serde(default)]
    pub user_id: Option<String>,
    /// Markers of this video.
    #[serde(default)]
    pub video_id: Option<String>,
    /// Cursor for forward pagination.
    #[serde(default)]
    pub after: Option<String>,
    /// Cursor for backward pagination.
    #[serde(default)]
    pub before: Option<String>,
    /// Page size, 1 to 100; default 20.
    #[serde(default)]
    pub first: Option<u32>,
}

impl Endpoint for GetStreamMarkers {
    const METHOD: Method = Method::GET;
    const PATH: &'static str = "streams/markers";
    const AUTH: Auth = Auth::User(Scopes::Any(&[
        AuthScope::UserReadBroadcast,
        AuthScope::ChannelManageBroadcast,
    ]));
    const NAME: &'static str = "get_stream_markers";
    const PARAMS: &'static [&'static str] = &[
        "user_id: string",
        "video_id: string",
        "after: string",
        "before: string",
        "first: integer, default 20",
    ];
    type Response = Vec<StreamMarkers>;

    fn validate(&self) -> Result<(), Error> {
        if self.user_id.is_some() == self.video_id.is_some() {
            return Err(Error::invalid(
                "exactly one of user_id and video_id is required",
            ));
        }
        check_first(self.first, 100)
    }

    fn query(&self) -> Query {
        let mut q = Query::new();
        q.opt("user_id", self.user_id.as_deref())
            .opt("video_id", self.video_id.as_deref())
            .push("first", self.first.unwrap_or(20))
            .opt("after", self.after.as_deref())
            .opt("before", self.before.as_deref());
        q
    }
}

impl crate::helix::Paginated for GetStreamMarkers {
    fn set_after(&mut self, cursor: Option<String>) {
        self.after = cursor;
    }

    fn set_before(&mut self, cursor: Option<String>) {
        self.before = cursor;
    }

    fn walks_backward(&self) -> bool {
        self.before.is_some()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::helix::test_util::*;

    fn by_user() -> GetStreamMarkers {
        GetStreamMarkers {
            user_id: Some("123".into()),
            ..Default::default()
        }
    }

    #[test]
    fn builds_documented_request() {
        let req = GetStreamMarkers {
            first: Some(5),
            ..by_user()
        };
        assert_eq!(query_of(&req), documented_query("get-stream-markers", 0));
        let (method, path, body) = build(&req);
        assert_eq!(method, "GET");
        assert_eq!(path, "/streams/markers?user_id=123&first=5");
        assert_eq!(body, None);
        let by_video = GetStreamMarkers {
            video_id: Some("456".into()),
            after: Some("a".into()),
            before: Some("b".into()),
            ..Default::default()
        };
        assert_eq!(
            build(&by_video).1,
            "/streams/markers?video_id=456&first=20&after=a&before=b"
        );
    }

    #[test]
    fn either_scope_is_enough() {
        let req = by_user();
        assert_eq!(
            req.auth(),
            Auth::User(Scopes::Any(&[
                AuthScope::UserReadBroadcast,
                AuthScope::ChannelManageBroadcast
            ]))
        );
        let rule = req.auth().required();
        assert!(rule.satisfied_by(&[AuthScope::ChannelManageBroadcast]));
        assert!(rule.satisfied_by(&[AuthScope::UserReadBroadcast]));
        assert!(!rule.satisfied_by(&[AuthScope::UserEditBroadcast]));
        assert!(!rule.satisfied_by(&[]));
    }

    #[test]
    fn parses_documented_example() {
        let res = parse_ok::<GetStreamMarkers>(&example_body("get-stream-markers", 0));
        let user = &res.data[0];
        assert_eq!(user.user_id, "123");
        assert_eq!(user.user_name, "TwitchName");
        assert_eq!(user.user_login, "twitchname");
        let video = &user.videos[0];
        assert_eq!(video.video_id, "456");
        let marker = &video.markers[0];
        assert_eq!(marker.id, "106b8d6243a4f883d25ad75e6cdffdc4");
        assert_eq!(marker.created_at.unix_timestamp(), 1534795803);
        assert_eq!(marker.description, "hello, this is a marker!");
        assert_eq!(marker.position_seconds, 244);
        assert_eq!(
            marker.url.as_deref(),
            Some("https://twitch.tv/twitchname/manager/highlighter/456?t=0h4m06s")
        );
        assert!(res.cursor.is_some());
    }

    #[test]
    fn tolerates_missing_url_and_null_lists() {
        let body = br#"{"data":[{"user_id":"1","videos":[{"video_id":"2","markers":[
            {"id":"m","created_at":"2018-08-20T20:10:03Z","url":"u"},
            {"id":"n","created_at":"2018-08-20T20:10:03Z"}]},{"video_id":"3","markers":null}]}]}"#;
        let res = parse_ok::<GetStreamMarkers>(body);
        let videos = &res.data[0].videos;
        assert_eq!(videos[0].markers[0].url.as_deref(), Some("u"));
        assert_eq!(videos[0].markers[1].url, None);
        assert!(videos[1].markers.is_empty());
    }

    #[test]
    fn rules() {
        assert_invalid(&GetStreamMarkers::default());
        assert_invalid(&GetStreamMarkers {
            video_id: Some("1".into()),
            ..by_user()
        });
        for first in [0, 101] {
            assert_invalid(&GetStreamMarkers {
                first: Some(first),
                ..by_user()
            });
        }
        for first in [1, 100] {
            let req = GetStreamMarkers {
                first: Some(first),
                ..by_user()
            };
            assert!(req.validate().is_ok());
        }
    }

    #[test]
    fn deserializes_seed_parameters() {
        let req: GetStreamMarkers =
            serde_json::from_str(r#"{"user_id":null,"video_id":"4","before":"b"}"#).unwrap();
        assert_eq!(req.video_id.as_deref(), Some("4"));
        assert_eq!(req.user_id, None);
        assert!(serde_json::from_str::<GetStreamMarkers>(r#"{"id":"4"}"#).is_err());
    }
}
