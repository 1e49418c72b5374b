//! Games.

use super::{Absent::*, Kind::*, Out, Param, Presence::*, Rule::*, Spec};

#[allow(non_upper_case_globals)]
pub static get_games: Spec = Spec {
    params: &[
        Param::new("game_ids", Strs, Optional),
        Param::new("names", Strs, Optional),
    ],
    rules: &[Count(&["game_ids", "names"], 1, 100)],
    query: &[
        Out::new("id", "game_ids", Skip),
        Out::new("name", "names", Skip),
    ],
    ..Spec::EMPTY
};

#[allow(non_upper_case_globals)]
pub static get_top_games: Spec = Spec {
    params: &[
        Param::new("after", Str, Optional),
        Param::new("before", Str, Optional),
        Param::new("first", U32, Optional),
    ],
    rules: &[Range("first", 1, 100)],
    query: &[
        Out::new("first", "first", Is("20")),
        Out::new("after", "after", Skip),
        Out::new("before", "before", Skip),
    ],
    ..Spec::EMPTY
};
