//! [Search Channels](https://dev.twitch.tv/docs/api/reference#search-channels)

use http::Method;
use serde::{Deserialize, Serialize};

use super::ChannelSearchResult;
use crate::helix::endpoint::check_first;
use crate::helix::{Auth, Endpoint, Query, Scopes};
use crate::Error;

/// `search_channels`: channels that streamed in the past six months whose name
/// matches `query`, optionally only live ones.
///
/// Auth: either token. Rules: `query` is not empty; `first` in 1..=100.
/// `live_only` is always sent (`false` by default).
///
/// ```
/// use twitchapi_core::helix::{search::SearchChannels, Endpoint};
/// let req = SearchChannels { live_only: Some(true), ..SearchChannels::new("a_seagull") };
/// assert_eq!(req.query().encode(), "query=a_seagull&live_only=true&first=20");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SearchChannels {
    /// The search text.
    pub query: String,
    /// Page size, 1 to 100; default 20.
    #[serde(default)]
    pub first: Option<u32>,
    /// Cursor for forward pagination.
    #[serde(default)]
    pub after: Option<String>,
    /// Only live channels; default `false`.
    #[serde(default)]
    pub live_only: Option<bool>,
}

impl SearchChannels {
    /// A search for this text with default options.
    pub fn new(query: impl Into<String>) -> Self {
        SearchChannels {
            query: query.into(),
            first: None,
            after: None,
            live_only: None,
        }
    }
}

impl Endpoint for SearchChannels {
    const METHOD: Method = Method::GET;
    const PATH: &'static str = "search/channels";
    const AUTH: Auth = Auth::Either(Scopes::All(&[]));
    const NAME: &'static str = "search_channels";
    const PARAMS: &'static [&'static str] = &[
        "query: string, required",
        "first: integer, default 20",
        "after: string",
        "live_only: boolean, default false",
    ];
    type Response = Vec<ChannelSearchResult>;

    fn validate(&self) -> Result<(), Error> {
        if self.query.is_empty() {
            return Err(Error::invalid("query must not be empty"));
        }
        check_first(self.first, 100)
    }

    fn query(&self) -> Query {
        let mut q = Query::new();
        q.push("query", &self.query)
            .push("live_only", self.live_only.unwrap_or(false))
            .push("first", self.first.unwrap_or(20))
            .opt("after", self.after.as_deref());
        q
    }
}

impl crate::helix::Paginated for SearchChannels {
    fn set_after(&mut self, cursor: Option<String>) {
        self.after = cursor;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::helix::test_util::*;

    #[test]
    fn builds_documented_requests() {
        let req = SearchChannels::new("twitchdev");
        assert_contains_in_order(&query_of(&req), &documented_query("search-channels", 0));
        let (method, path, body) = build(&req);
        assert_eq!(method, "GET");
        assert_eq!(
            path,
            "/search/channels?query=twitchdev&live_only=false&first=20"
        );
        assert_eq!(body, None);

        let live = SearchChannels {
            live_only: Some(true),
            ..SearchChannels::new("a_seagull")
        };
        assert_contains_in_order(&query_of(&live), &documented_query("search-channels", 1));
        let paged = SearchChannels {
            first: Some(100),
            after: Some("Mg==".into()),
            ..live
        };
        assert_eq!(
            build(&paged).1,
            "/search/channels?query=a_seagull&live_only=true&first=100&after=Mg%3D%3D"
        );
    }

    #[test]
    fn parses_documented_examples() {
        let res = parse_ok::<SearchChannels>(&example_body("search-channels", 0));
        let offline = &res.data[0];
        assert_eq!(offline.broadcaster_login, "twitchdev");
        assert_eq!(offline.id, "141981764");
        assert!(!offline.is_live);
        assert_eq!(offline.tags.len(), 4);
        assert_eq!(offline.started_at, None);
        assert_eq!(res.cursor.as_deref(), Some("Mg=="));

        let res = parse_ok::<SearchChannels>(&example_body("search-channels", 1));
        let live = &res.data[0];
        assert_eq!(live.display_name, "A_Seagull");
        assert_eq!(live.game_name, "DOOM Eternal");
        assert!(live.is_live);
        assert_eq!(live.started_at.unwrap().unix_timestamp(), 1584554160);
    }

    #[test]
    fn tolerates_null_and_missing_fields() {
        let body = br#"{"data":[{"broadcaster_login":"a","display_name":"A","id":"1",
            "tag_ids":null,"tags":null,"started_at":null}]}"#;
        let found = &parse_ok::<SearchChannels>(body).data[0];
        assert!(found.tags.is_empty() && found.tag_ids.is_empty());
        assert_eq!(found.started_at, None);
    }

    #[test]
    fn rules() {
        assert_invalid(&SearchChannels::new(""));
        for first in [0, 101] {
            assert_invalid(&SearchChannels {
                first: Some(first),
                ..SearchChannels::new("q")
            });
        }
        for first in [1, 100] {
            let req = SearchChannels {
                first: Some(first),
                ..SearchChannels::new("q")
            };
            assert!(req.validate().is_ok());
        }
    }

    #[test]
    fn deserializes_seed_parameters() {
        let req: SearchChannels =
            serde_json::from_str(r#"{"query":"q","live_only":true,"after":null}"#).unwrap();
        assert_eq!(req.live_only, Some(true));
        assert!(serde_json::from_str::<SearchChannels>(r#"{"query":"q","live":true}"#).is_err());
    }
}
