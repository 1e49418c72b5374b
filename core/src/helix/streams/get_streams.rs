//! [Get Streams](https://dev.twitch.tv/docs/api/reference#get-streams)

use http::Method;
use serde::{Deserialize, Serialize};

use super::Stream;
use crate::helix::endpoint::{check_first, check_max_len};
use crate::helix::{Auth, Endpoint, Query, Scopes};
use crate::serde_util::null_as_empty;
use crate::Error;

/// `get_streams`: live streams, most viewers first; optionally filtered by
/// user, login, game and language.
///
/// Auth: either token. Rules: `first` in 1..=100; each of `user_id`,
/// `user_login`, `game_id` and `language` has at most 100 entries.
///
/// ```
/// use twitchapi_core::helix::{streams::GetStreams, Endpoint};
/// let req = GetStreams { user_login: vec!["afro".into()], ..Default::default() };
/// assert_eq!(req.query().encode(), "user_login=afro&first=20");
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GetStreams {
    /// Cursor for forward pagination.
    #[serde(default)]
    pub after: Option<String>,
    /// Cursor for backward pagination.
    #[serde(default)]
    pub before: Option<String>,
    /// Page size, 1 to 100; default 20.
    #[serde(default)]
    pub first: Option<u32>,
    /// Category ids, at most 100.
    #[serde(default, deserialize_with = "null_as_empty")]
    pub game_id: Vec<String>,
    /// Languages (ISO 639-1 or `"other"`), at most 100.
    #[serde(default, deserialize_with = "null_as_empty")]
    pub language: Vec<String>,
    /// Broadcaster ids, at most 100.
    #[serde(default, deserialize_with = "null_as_empty")]
    pub user_id: Vec<String>,
    /// Broadcaster logins, at most 100.
    #[serde(default, deserialize_with = "null_as_empty")]
    pub user_login: Vec<String>,
}

impl Endpoint for GetStreams {
    const METHOD: Method = Method::GET;
    const PATH: &'static str = "streams";
    const AUTH: Auth = Auth::Either(Scopes::All(&[]));
    const NAME: &'static str = "get_streams";
    const PARAMS: &'static [&'static str] = &[
        "after: string",
        "before: string",
        "first: integer, default 20",
        "game_id: [string]",
        "language: [string]",
        "user_id: [string]",
        "user_login: [string]",
    ];
    type Response = Vec<Stream>;

    fn validate(&self) -> Result<(), Error> {
        check_first(self.first, 100)?;
        check_max_len("user_id", &self.user_id, 100)?;
        check_max_len("user_login", &self.user_login, 100)?;
        check_max_len("game_id", &self.game_id, 100)?;
        check_max_len("language", &self.language, 100)
    }

    fn query(&self) -> Query {
        let mut q = Query::new();
        q.list("user_id", &self.user_id)
            .list("user_login", &self.user_login)
            .list("game_id", &self.game_id)
            .list("language", &self.language)
            .push("first", self.first.unwrap_or(20))
            .opt("before", self.before.as_deref())
            .opt("after", self.after.as_deref());
        q
    }
}

impl crate::helix::Paginated for GetStreams {
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

    fn ids(n: usize) -> Vec<String> {
        (0..n).map(|i| i.to_string()).collect()
    }

    #[test]
    fn builds_documented_requests() {
        let top = GetStreams::default();
        assert_contains_in_order(&query_of(&top), &documented_query("get-streams", 0));
        let (method, path, body) = build(&top);
        assert_eq!(method, "GET");
        assert_eq!(path, "/streams?first=20");
        assert_eq!(body, None);

        let logins = GetStreams {
            user_login: vec!["afro".into(), "cohhcarnage".into(), "lana_lux".into()],
            ..Default::default()
        };
        assert_contains_in_order(&query_of(&logins), &documented_query("get-streams", 1));
        assert_eq!(
            build(&logins).1,
            "/streams?user_login=afro&user_login=cohhcarnage&user_login=lana_lux&first=20"
        );

        let all = GetStreams {
            after: Some("a".into()),
            before: Some("b".into()),
            first: Some(7),
            game_id: vec!["g".into()],
            language: vec!["de".into(), "en".into()],
            user_id: vec!["1".into()],
            user_login: vec!["x".into()],
        };
        assert_eq!(
            build(&all).1,
            "/streams?user_id=1&user_login=x&game_id=g&language=de&language=en&first=7&before=b&after=a"
        );
    }

    #[test]
    fn parses_documented_examples() {
        let res = parse_ok::<GetStreams>(&example_body("get-streams", 0));
        let stream = &res.data[0];
        assert_eq!(stream.id, "123456789");
        assert_eq!(stream.user_login, "sandysanderman");
        assert_eq!(stream.game_name, "Little Nightmares");
        assert_eq!(stream.stream_type, "live");
        assert_eq!(stream.tags, vec!["Español"]);
        assert_eq!(stream.viewer_count, 78365);
        assert_eq!(stream.started_at.unix_timestamp(), 1615388661);
        assert!(stream.tag_ids.is_empty());
        assert!(!stream.is_mature);
        assert!(res.cursor.is_some());

        let res = parse_ok::<GetStreams>(&example_body("get-streams", 1));
        assert_eq!(res.data[0].user_name, "Afro");
        assert_eq!(res.data[0].started_at.unix_timestamp(), 1615346291);
        assert_eq!(res.cursor, None);
    }

    #[test]
    fn tolerates_null_and_missing_fields() {
        let body = br#"{"data":[{"id":"1","user_id":"2","user_login":"a","user_name":"A",
            "type":"live","title":"t","tags":null,"viewer_count":1,
            "started_at":"2021-03-10T15:04:21Z","tag_ids":null}]}"#;
        let stream = &parse_ok::<GetStreams>(body).data[0];
        assert!(stream.tags.is_empty() && stream.tag_ids.is_empty());
        assert!(!stream.is_mature);
    }

    #[test]
    fn rules() {
        for first in [0, 101] {
            assert_invalid(&GetStreams {
                first: Some(first),
                ..Default::default()
            });
        }
        for first in [1, 100] {
            let req = GetStreams {
                first: Some(first),
                ..Default::default()
            };
            assert!(req.validate().is_ok());
        }
        let full = GetStreams {
            game_id: ids(100),
            language: ids(100),
            user_id: ids(100),
            user_login: ids(100),
            ..Default::default()
        };
        assert!(full.validate().is_ok());
        assert_invalid(&GetStreams {
            game_id: ids(101),
            ..full.clone()
        });
        assert_invalid(&GetStreams {
            language: ids(101),
            ..full.clone()
        });
        assert_invalid(&GetStreams {
            user_id: ids(101),
            ..full.clone()
        });
        assert_invalid(&GetStreams {
            user_login: ids(101),
            ..full
        });
    }

    #[test]
    fn deserializes_seed_parameters() {
        let req: GetStreams =
            serde_json::from_str(r#"{"first":5,"user_login":["a"],"game_id":null}"#).unwrap();
        assert_eq!(req.first, Some(5));
        assert_eq!(req.user_login, vec!["a"]);
        assert!(serde_json::from_str::<GetStreams>(r#"{"type":"live"}"#).is_err());
    }
}
