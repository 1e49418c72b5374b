//! [Get Videos](https://dev.twitch.tv/docs/api/reference#get-videos)

use http::Method;
use serde::{Deserialize, Serialize};

use super::Video;
use crate::helix::endpoint::{check_first, check_known, check_max_len};
use crate::helix::{Auth, Endpoint, Query, Scopes};
use crate::serde_util::null_as_empty;
use crate::types::{SortMethod, TimePeriod, VideoType};
use crate::Error;

/// `get_videos`: videos by id (one or more), user or game.
///
/// Auth: either token. Rules: exactly one of `ids`, `user_id` and `game_id`; a
/// given id is not empty; at most 100 `ids`; `first` in 1..=100; `period`,
/// `sort` and `video_type` hold known values. With `ids` only the ids are sent;
/// otherwise `period`, `sort`, `type` and `first` are always sent (with their
/// defaults when not set).
///
/// ```
/// use twitchapi_core::helix::{videos::GetVideos, Endpoint};
/// let req = GetVideos { user_id: Some("141981764".into()), ..Default::default() };
/// assert_eq!(
///     req.query().encode(),
///     "user_id=141981764&period=all&sort=time&type=all&first=20"
/// );
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GetVideos {
    /// Video ids, at most 100 (query `id`).
    #[serde(default, deserialize_with = "null_as_empty")]
    pub ids: Vec<String>,
    /// Videos of this user.
    #[serde(default)]
    pub user_id: Option<String>,
    /// Videos of this game.
    #[serde(default)]
    pub game_id: Option<String>,
    /// Cursor for forward pagination.
    #[serde(default)]
    pub after: Option<String>,
    /// Cursor for backward pagination.
    #[serde(default)]
    pub before: Option<String>,
    /// Page size, 1 to 100; default 20.
    #[serde(default)]
    pub first: Option<u32>,
    /// Video language (ISO 639-1, or `"other"`).
    #[serde(default)]
    pub language: Option<String>,
    /// Creation period; default [`TimePeriod::All`].
    #[serde(default)]
    pub period: Option<TimePeriod>,
    /// Sort order; default [`SortMethod::Time`].
    #[serde(default)]
    pub sort: Option<SortMethod>,
    /// Video type (query `type`); default [`VideoType::All`].
    #[serde(default)]
    pub video_type: Option<VideoType>,
}

impl Endpoint for GetVideos {
    const METHOD: Method = Method::GET;
    const PATH: &'static str = "videos";
    const AUTH: Auth = Auth::Either(Scopes::All(&[]));
    const NAME: &'static str = "get_videos";
    const PARAMS: &'static [&'static str] = &[
        "ids: [string]",
        "user_id: string",
        "game_id: string",
        "after: string",
        "before: string",
        "first: integer, default 20",
        "language: string",
        "period: all|day|week|month, default all",
        "sort: time|trending|views, default time",
        "video_type: all|upload|archive|highlight, default all",
    ];
    type Response = Vec<Video>;

    fn validate(&self) -> Result<(), Error> {
        let given = usize::from(!self.ids.is_empty())
            + usize::from(self.user_id.is_some())
            + usize::from(self.game_id.is_some());
        if given != 1 {
            return Err(Error::invalid(
                "exactly one of ids, user_id and game_id is required",
            ));
        }
        let empty = |id: &Option<String>| id.as_deref() == Some("");
        if empty(&self.user_id) || empty(&self.game_id) || self.ids.iter().any(String::is_empty) {
            return Err(Error::invalid("ids, user_id and game_id must not be empty"));
        }
        check_max_len("ids", &self.ids, 100)?;
        check_first(self.first, 100)?;
        if let Some(period) = &self.period {
            check_known("period", period.is_known(), period.as_str())?;
        }
        if let Some(sort) = &self.sort {
            check_known("sort", sort.is_known(), sort.as_str())?;
        }
        if let Some(video_type) = &self.video_type {
            check_known("video_type", video_type.is_known(), video_type.as_str())?;
        }
        Ok(())
    }

    fn query(&self) -> Query {
        let mut q = Query::new();
        if !self.ids.is_empty() {
            q.list("id", &self.ids);
            return q;
        }
        q.opt("user_id", self.user_id.as_deref())
            .opt("game_id", self.game_id.as_deref())
            .opt("language", self.language.as_deref())
            .push("period", self.period.as_ref().unwrap_or(&TimePeriod::All))
            .push("sort", self.sort.as_ref().unwrap_or(&SortMethod::Time))
            .push("type", self.video_type.as_ref().unwrap_or(&VideoType::All))
            .push("first", self.first.unwrap_or(20))
            .opt("after", self.after.as_deref())
            .opt("before", self.before.as_deref());
        q
    }
}

impl crate::helix::Paginated for GetVideos {
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

    fn by_game() -> GetVideos {
        GetVideos {
            game_id: Some("33214".into()),
            ..Default::default()
        }
    }

    #[test]
    fn builds_documented_request() {
        let by_id = GetVideos {
            ids: vec!["335921245".into()],
            first: Some(5),
            sort: Some(SortMethod::Views),
            ..Default::default()
        };
        assert_eq!(query_of(&by_id), documented_query("get-videos", 0));
        let (method, path, body) = build(&by_id);
        assert_eq!(method, "GET");
        assert_eq!(path, "/videos?id=335921245");
        assert_eq!(body, None);

        let filtered = GetVideos {
            language: Some("en".into()),
            period: Some(TimePeriod::Week),
            sort: Some(SortMethod::Views),
            video_type: Some(VideoType::Highlight),
            first: Some(100),
            after: Some("a".into()),
            before: Some("b".into()),
            ..by_game()
        };
        assert_eq!(
            build(&filtered).1,
            "/videos?game_id=33214&language=en&period=week&sort=views&type=highlight\
             &first=100&after=a&before=b"
        );
        assert_eq!(
            build(&by_game()).1,
            "/videos?game_id=33214&period=all&sort=time&type=all&first=20"
        );
    }

    #[test]
    fn parses_documented_example() {
        let res = parse_ok::<GetVideos>(&example_body("get-videos", 0));
        let video = &res.data[0];
        assert_eq!(video.id, "335921245");
        assert_eq!(video.stream_id, None);
        assert_eq!(video.user_login, "twitchdev");
        assert_eq!(video.title, "Twitch Developers 101");
        assert_eq!(video.created_at.unix_timestamp(), 1542231018);
        assert_eq!(video.published_at.unix_timestamp(), 1542233070);
        assert_eq!(video.view_count, 1863062);
        assert_eq!(video.video_type, VideoType::Upload);
        assert_eq!(video.duration, "3m21s");
        let muted = video.muted_segments.as_ref().unwrap();
        assert_eq!((muted[0].duration, muted[0].offset), (30, 120));
        assert_eq!(res.cursor, None);
    }

    #[test]
    fn tolerates_null_and_unknown_values() {
        let body = br#"{"data":[{"id":"1","stream_id":"9","user_id":"2","description":null,
            "created_at":"2018-11-14T21:30:18Z","published_at":"2018-11-14T22:04:30Z",
            "url":"u","type":"premiere","muted_segments":null}]}"#;
        let video = &parse_ok::<GetVideos>(body).data[0];
        assert_eq!(video.stream_id.as_deref(), Some("9"));
        assert_eq!(video.description, "");
        assert_eq!(video.video_type, VideoType::Unknown("premiere".into()));
        assert_eq!(video.muted_segments, None);
    }

    #[test]
    fn rules() {
        assert_invalid(&GetVideos::default());
        assert_invalid(&GetVideos {
            user_id: Some("1".into()),
            ..by_game()
        });
        assert_invalid(&GetVideos {
            ids: vec!["1".into()],
            ..by_game()
        });
        assert_invalid(&GetVideos {
            game_id: Some(String::new()),
            ..Default::default()
        });
        assert_invalid(&GetVideos {
            ids: vec![String::new()],
            ..Default::default()
        });
        let ids = |n: usize| (0..n).map(|i| i.to_string()).collect::<Vec<_>>();
        let hundred = GetVideos {
            ids: ids(100),
            ..Default::default()
        };
        assert!(hundred.validate().is_ok());
        assert_invalid(&GetVideos {
            ids: ids(101),
            ..Default::default()
        });
        for first in [0, 101] {
            assert_invalid(&GetVideos {
                first: Some(first),
                ..by_game()
            });
        }
        for first in [1, 100] {
            let req = GetVideos {
                first: Some(first),
                ..by_game()
            };
            assert!(req.validate().is_ok());
        }
        assert_invalid(&GetVideos {
            period: Some(TimePeriod::Unknown("decade".into())),
            ..by_game()
        });
        assert_invalid(&GetVideos {
            sort: Some(SortMethod::Unknown("random".into())),
            ..by_game()
        });
        assert_invalid(&GetVideos {
            video_type: Some(VideoType::Unknown("premiere".into())),
            ..by_game()
        });
    }

    #[test]
    fn deserializes_seed_parameters() {
        let req: GetVideos = serde_json::from_str(
            r#"{"user_id":"1","period":"week","sort":"views","video_type":"archive","ids":null}"#,
        )
        .unwrap();
        assert_eq!(req.period, Some(TimePeriod::Week));
        assert_eq!(req.sort, Some(SortMethod::Views));
        assert_eq!(req.video_type, Some(VideoType::Archive));
        assert!(serde_json::from_str::<GetVideos>(r#"{"user_id":"1","type":"all"}"#).is_err());
    }
}
