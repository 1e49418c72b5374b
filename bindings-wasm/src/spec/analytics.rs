//! Analytics reports.

use super::{Absent::*, Kind::*, Out, Param, Presence::*, Rule::*, Spec};

/// The parameters both reports take, after the id of what is reported on.
macro_rules! report {
    ($id:literal) => {
        Spec {
            params: &[
                Param::new("after", Str, Optional),
                Param::new($id, Str, Optional),
                Param::new("first", U32, Optional),
                Param::new("ended_at", Time, Optional),
                Param::new("started_at", Time, Optional),
                Param::new(
                    "report_type",
                    Enum(&["overview_v1", "overview_v2"]),
                    Optional,
                ),
            ],
            rules: &[Span("started_at", "ended_at"), Range("first", 1, 100)],
            query: &[
                Out::new($id, $id, Skip),
                Out::new("type", "report_type", Skip),
                Out::new("started_at", "started_at", Skip),
                Out::new("ended_at", "ended_at", Skip),
                Out::new("first", "first", Is("20")),
                Out::new("after", "after", Skip),
            ],
            ..Spec::EMPTY
        }
    };
}

#[allow(non_upper_case_globals)]
pub static get_extension_analytics: Spec = report!("extension_id");

#[allow(non_upper_case_globals)]
pub static get_game_analytics: Spec = report!("game_id");
