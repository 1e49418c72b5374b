//! [Get Games](https://dev.twitch.tv/docs/api/reference#get-games)

use http::Method;
use serde::{Deserialize, Serialize};

use super::Game;
use crate::helix::{Auth, Endpoint, Query, Scopes};
use crate::serde_util::null_as_empty;
use crate::Error;

/// `get_games`: games by id and/or name.
///
/// Auth: either token. Rules: at least one id or name; at most 100 `game_ids`
/// and `names` combined.
///
/// ```
/// use twitchapi_core::helix::{games::GetGames, Endpoint};
/// let req = GetGames { game_ids: vec!["33214".into()], ..Default::default() };
/// assert_eq!(req.query().encode(), "id=33214");
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GetGames {
    /// Game ids (query `id`).
    #[serde(default, deserialize_with = "null_as_empty")]
    pub game_ids: Vec<String>,
    /// Exact game names (query `name`).
    #[serde(default, deserialize_with = "null_as_empty")]
    pub names: Vec<String>,
}

impl Endpoint for GetGames {
    const METHOD: Method = Method::GET;
    const PATH: &'static str = "games";
    const AUTH: Auth = Auth::Either(Scopes::All(&[]));
    const NAME: &'static str = "get_games";
    const PARAMS: &'static [&'static str] = &["game_ids: [string]", "names: [string]"];
    type Response = Vec<Game>;

    fn validate(&self) -> Result<(), Error> {
        let combined = self.game_ids.len() + self.names.len();
        if combined == 0 {
            return Err(Error::invalid(
                "at least one of game_ids and names is required",
            ));
        }
        if combined > 100 {
            return Err(Error::invalid(format!(
                "at most 100 game_ids and names combined, got {combined}"
            )));
        }
        Ok(())
    }

    fn query(&self) -> Query {
        let mut q = Query::new();
        q.list("id", &self.game_ids).list("name", &self.names);
        q
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::helix::test_util::*;

    fn list(prefix: &str, n: usize) -> Vec<String> {
        (0..n).map(|i| format!("{prefix}{i}")).collect()
    }

    #[test]
    fn builds_documented_request() {
        let req = GetGames {
            game_ids: vec!["33214".into()],
            ..Default::default()
        };
        assert_eq!(query_of(&req), documented_query("get-games", 0));
        let (method, path, body) = build(&req);
        assert_eq!(method, "GET");
        assert_eq!(path, "/games?id=33214");
        assert_eq!(body, None);
        let both = GetGames {
            game_ids: vec!["1".into(), "2".into()],
            names: vec!["Just Chatting".into()],
        };
        assert_eq!(build(&both).1, "/games?id=1&id=2&name=Just+Chatting");
    }

    #[test]
    fn parses_documented_example() {
        let res = parse_ok::<GetGames>(&example_body("get-games", 0));
        let game = &res.data[0];
        assert_eq!(game.id, "33214");
        assert_eq!(game.name, "Fortnite");
        assert!(game.box_art_url.ends_with("33214-{width}x{height}.jpg"));
        assert_eq!(game.igdb_id, "1905");
        let old = br#"{"data":[{"id":"1","name":"n","box_art_url":"u"}]}"#;
        assert_eq!(parse_ok::<GetGames>(old).data[0].igdb_id, "");
    }

    #[test]
    fn rules() {
        assert_invalid(&GetGames::default());
        assert_invalid(&GetGames {
            game_ids: list("", 50),
            names: list("n", 51),
        });
        let ok = GetGames {
            game_ids: list("", 50),
            names: list("n", 50),
        };
        assert!(ok.validate().is_ok());
        let only_names = GetGames {
            names: list("n", 100),
            ..Default::default()
        };
        assert!(only_names.validate().is_ok());
    }

    #[test]
    fn deserializes_seed_parameters() {
        let req: GetGames =
            serde_json::from_str(r#"{"names":["Fortnite"],"game_ids":null}"#).unwrap();
        assert_eq!(req.names, vec!["Fortnite"]);
        assert!(req.game_ids.is_empty());
        assert!(serde_json::from_str::<GetGames>(r#"{"id":["1"]}"#).is_err());
    }
}
