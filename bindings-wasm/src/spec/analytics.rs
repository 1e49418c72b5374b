//! Analytics reports.

use super::prelude::*;

/// The parameters both reports take, after the id of what is reported on.
macro_rules! report {
    ($id:literal) => {
        Spec {
            params: &[
                AFTER,
                Param::new($id, Str, Optional),
                FIRST,
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
                Out::same("started_at"),
                Out::same("ended_at"),
                Out::same_or("first", "20"),
                Out::same("after"),
            ],
            ..Spec::EMPTY
        }
    };
}

#[allow(non_upper_case_globals)]
pub static get_extension_analytics: Spec = report!("extension_id");

#[allow(non_upper_case_globals)]
pub static get_game_analytics: Spec = report!("game_id");
