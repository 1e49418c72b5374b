//! [Get Clips](https://dev.twitch.tv/docs/api/reference#get-clips)

use http::Method;
use serde::{Deserialize, Serialize};
use time::OffsetDateTime;

use super::Clip;
use crate::helix::endpoint::{check_first, check_max_len};
use crate::helix::{Auth, Endpoint, Query, Scopes};
use crate::serde_util::{datetime_arg, null_as_empty};
use crate::Error;

/// `get_clips`: clips by id (one or more), broadcaster or game, most viewed first.
///
/// Auth: either token. Rules: exactly one of `clip_id`, `broadcaster_id` and
/// `game_id`; a given id is not empty; at most 100 `clip_id`s; `first` in
/// 1..=100. With `clip_id` only the ids are sent (Twitch ignores date filters
/// and paging for id lookups).
///
/// ```
/// use twitchapi_core::helix::{clips::GetClips, Endpoint};
/// let req = GetClips { broadcaster_id: Some("1234".into()), first: Some(5), ..Default::default() };
/// assert_eq!(req.query().encode(), "broadcaster_id=1234&first=5");
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GetClips {
    /// Clips of this broadcaster.
    #[serde(default)]
    pub broadcaster_id: Option<String>,
    /// Clips of this game.
    #[serde(default)]
    pub game_id: Option<String>,
    /// Clip ids, at most 100 (query `id`).
    #[serde(default, deserialize_with = "null_as_empty")]
    pub clip_id: Vec<String>,
    /// Cursor for forward pagination.
    #[serde(default)]
    pub after: Option<String>,
    /// Cursor for backward pagination.
    #[serde(default)]
    pub before: Option<String>,
    /// End of the creation window. From JSON: RFC 3339 (`2021-01-08T00:00:00Z`);
    /// without an offset the time is taken as UTC.
    #[serde(default, with = "datetime_arg::ended_at")]
    pub ended_at: Option<OffsetDateTime>,
    /// Start of the creation window. From JSON: RFC 3339 (`2021-01-01T00:00:00Z`);
    /// without an offset the time is taken as UTC.
    #[serde(default, with = "datetime_arg::started_at")]
    pub started_at: Option<OffsetDateTime>,
    /// Page size, 1 to 100; default 20.
    #[serde(default)]
    pub first: Option<u32>,
}

impl Endpoint for GetClips {
    const METHOD: Method = Method::GET;
    const PATH: &'static str = "clips";
    const AUTH: Auth = Auth::Either(Scopes::All(&[]));
    const NAME: &'static str = "get_clips";
    const PARAMS: &'static [&'static str] = &[
        "broadcaster_id: string",
        "game_id: string",
        "clip_id: [string]",
        "after: string",
        "before: string",
        "ended_at: RFC 3339 datetime",
        "started_at: RFC 3339 datetime",
        "first: integer, default 20",
    ];
    type Response = Vec<Clip>;

    fn validate(&self) -> Result<(), Error> {
        let given = usize::from(!self.clip_id.is_empty())
            + usize::from(self.broadcaster_id.is_some())
            + usize::from(self.game_id.is_some());
        if given != 1 {
            return Err(Error::invalid(
                "exactly one of clip_id, broadcaster_id and game_id is required",
            ));
        }
        let empty = |id: &Option<String>| id.as_deref() == Some("");
        if empty(&self.broadcaster_id)
            || empty(&self.game_id)
            || self.clip_id.iter().any(String::is_empty)
        {
            return Err(Error::invalid(
                "clip_id, broadcaster_id and game_id must not be empty",
            ));
        }
        check_max_len("clip_id", &self.clip_id, 100)?;
        crate::helix::endpoint::check_datetime("started_at", self.started_at.as_ref())?;
        crate::helix::endpoint::check_datetime("ended_at", self.ended_at.as_ref())?;
        check_first(self.first, 100)
    }

    fn query(&self) -> Query {
        let mut q = Query::new();
        if !self.clip_id.is_empty() {
            q.list("id", &self.clip_id);
            return q;
        }
        q.opt("broadcaster_id", self.broadcaster_id.as_deref())
            .opt("game_id", self.game_id.as_deref())
            .datetime("started_at", self.started_at.as_ref())
            .datetime("ended_at", self.ended_at.as_ref())
            .push("first", self.first.unwrap_or(20))
            .opt("before", self.before.as_deref())
            .opt("after", self.after.as_deref());
        q
    }
}

impl crate::helix::Paginated for GetClips {
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
    use time::macros::datetime;

    fn by_broadcaster() -> GetClips {
        GetClips {
            broadcaster_id: Some("1234".into()),
            ..Default::default()
        }
    }

    #[test]
    fn builds_documented_requests() {
        let by_id = GetClips {
            clip_id: vec!["AwkwardHelplessSalamanderSwiftRage".into()],
            first: Some(5),
            after: Some("ignored".into()),
            ..Default::default()
        };
        assert_eq!(query_of(&by_id), documented_query("get-clips", 0));
        let (method, path, body) = build(&by_id);
        assert_eq!(method, "GET");
        assert_eq!(path, "/clips?id=AwkwardHelplessSalamanderSwiftRage");
        assert_eq!(body, None);

        let top5 = GetClips {
            first: Some(5),
            ..by_broadcaster()
        };
        assert_eq!(query_of(&top5), documented_query("get-clips", 1));
        assert_eq!(build(&top5).1, "/clips?broadcaster_id=1234&first=5");

        let window = GetClips {
            game_id: Some("33103".into()),
            started_at: Some(datetime!(2021-01-01 0:00 UTC)),
            ended_at: Some(datetime!(2021-01-08 12:30 +2)),
            before: Some("b".into()),
            after: Some("a".into()),
            ..Default::default()
        };
        assert_eq!(
            build(&window).1,
            "/clips?game_id=33103&started_at=2021-01-01T00%3A00%3A00Z\
             &ended_at=2021-01-08T10%3A30%3A00Z&first=20&before=b&after=a"
        );
    }

    #[test]
    fn parses_documented_examples() {
        let res = parse_ok::<GetClips>(&example_body("get-clips", 0));
        let clip = &res.data[0];
        assert_eq!(clip.id, "AwkwardHelplessSalamanderSwiftRage");
        assert_eq!(clip.broadcaster_name, "ChewieMelodies");
        assert_eq!(clip.video_id, "205586603");
        assert_eq!(clip.view_count, 10);
        assert_eq!(clip.created_at.unix_timestamp(), 1512081258);
        assert_eq!(clip.duration, 60.0);
        assert_eq!(clip.vod_offset, Some(480));
        assert!(!clip.is_featured);

        let res = parse_ok::<GetClips>(&example_body("get-clips", 1));
        let clip = &res.data[0];
        assert_eq!(clip.creator_name, "MrMarshall");
        assert_eq!(clip.video_id, "");
        assert_eq!(clip.duration, 12.9);
        assert_eq!(clip.vod_offset, Some(1957));
        assert!(clip.is_featured);
        assert_eq!(res.cursor.as_deref(), Some("eyJiIjpudWxsLCJhIjoiIn0"));
    }

    #[test]
    fn tolerates_null_vod_offset() {
        let body = br#"{"data":[{"id":"c","url":"u","broadcaster_id":"1",
            "created_at":"2017-11-30T22:34:18Z","duration":5,"vod_offset":null}]}"#;
        let clip = &parse_ok::<GetClips>(body).data[0];
        assert_eq!(clip.vod_offset, None);
        assert!(!clip.is_featured);
    }

    #[test]
    fn rules() {
        assert_invalid(&GetClips::default());
        assert_invalid(&GetClips {
            game_id: Some("1".into()),
            ..by_broadcaster()
        });
        assert_invalid(&GetClips {
            clip_id: vec!["c".into()],
            ..by_broadcaster()
        });
        assert_invalid(&GetClips {
            broadcaster_id: Some(String::new()),
            ..Default::default()
        });
        assert_invalid(&GetClips {
            clip_id: vec![String::new()],
            ..Default::default()
        });
        let ids = |n: usize| (0..n).map(|i| format!("c{i}")).collect::<Vec<_>>();
        let hundred = GetClips {
            clip_id: ids(100),
            ..Default::default()
        };
        assert!(hundred.validate().is_ok());
        assert_invalid(&GetClips {
            clip_id: ids(101),
            ..Default::default()
        });
        for first in [0, 101] {
            assert_invalid(&GetClips {
                first: Some(first),
                ..by_broadcaster()
            });
        }
        for first in [1, 100] {
            let req = GetClips {
                first: Some(first),
                ..by_broadcaster()
            };
            assert!(req.validate().is_ok());
        }
    }

    #[test]
    fn deserializes_seed_parameters() {
        let req: GetClips = serde_json::from_str(
            r#"{"game_id":"1","started_at":"2021-01-01T00:00:00Z","ended_at":null,"clip_id":null}"#,
        )
        .unwrap();
        assert_eq!(req.started_at, Some(datetime!(2021-01-01 0:00 UTC)));
        assert_eq!(req.ended_at, None);
        assert!(serde_json::from_str::<GetClips>(r#"{"id":["c"]}"#).is_err());
        let naive: GetClips =
            serde_json::from_str(r#"{"game_id":"1","ended_at":"2021-01-08T12:30:00"}"#).unwrap();
        assert_eq!(naive.ended_at, Some(datetime!(2021-01-08 12:30 UTC)));
        let err = serde_json::from_str::<GetClips>(r#"{"started_at":"yesterday"}"#)
            .unwrap_err()
            .to_string();
        assert!(
            err.contains("started_at: expected an RFC 3339 datetime like 2021-01-01T00:00:00Z"),
            "{err}"
        );
    }
}
