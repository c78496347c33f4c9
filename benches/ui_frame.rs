//! One UI frame of the app with 10,000 statements loaded (headless: a bare `egui::Context`,
//! no window, no GPU), plus the per-analysis summary and the list filter it relies on.
#![allow(clippy::unwrap_used, clippy::expect_used)]

#[path = "../tests/support/mod.rs"]
mod support;

use criterion::{Criterion, criterion_group, criterion_main};
use std::hint::black_box;
use verbatim::app::command::ViewCommand;
use verbatim::app::view::Derived;
use verbatim::app::{App, Command, SortKey};

const GROUPS: usize = 10_000;

fn input() -> egui::RawInput {
    egui::RawInput {
        screen_rect: Some(egui::Rect::from_min_size(
            egui::Pos2::ZERO,
            egui::vec2(1500.0, 900.0),
        )),
        ..egui::RawInput::default()
    }
}

/// One frame as the window runs it on the CPU: layout, then tessellation into meshes.
fn frame(ctx: &egui::Context, app: &mut App) -> usize {
    let mut output = ctx.run_ui(input(), |ui| app.ui(ui));
    // Font atlas updates would go to the GPU; nobody takes them here.
    output.textures_delta.clear();
    ctx.tessellate(output.shapes, output.pixels_per_point).len()
}

fn bench(c: &mut Criterion) {
    let analysis = support::generated_analysis(GROUPS);
    let ctx = egui::Context::default();
    let mut app = App::with_analysis(analysis.clone());
    assert_eq!(app.doc.visible.len(), GROUPS);
    // A few frames first: fonts, panel sizes and the table's remembered widths settle.
    for _ in 0..3 {
        frame(&ctx, &mut app);
    }
    // Measured with a statement selected, its row listed and its comparison laid out.
    assert!(app.doc.selected_pos.is_some(), "no statement selected");
    assert!(app.drawn_comparison().is_some(), "no comparison drawn");
    c.bench_function("ui frame, 10k statements, comparison shown", |b| {
        b.iter(|| black_box(frame(&ctx, &mut app)))
    });
    app.apply(Command::View(ViewCommand::SetTextFilter("council".into())));
    c.bench_function("ui frame, 10k statements, filtered list", |b| {
        b.iter(|| black_box(frame(&ctx, &mut app)))
    });
    c.bench_function("summaries of 10k statements", |b| {
        b.iter(|| Derived::new(black_box(&analysis)))
    });
    // The same frame with few statements: the list is virtualised, so the two should be close.
    let mut small = App::with_analysis(support::generated_analysis(10));
    let small_ctx = egui::Context::default();
    for _ in 0..3 {
        frame(&small_ctx, &mut small);
    }
    c.bench_function("ui frame, 10 statements, comparison shown", |b| {
        b.iter(|| black_box(frame(&small_ctx, &mut small)))
    });
    let derived = Derived::new(&analysis);
    c.bench_function("filter and sort 10k statements", |b| {
        b.iter(|| {
            derived.visible_rows(SortKey::Differences, Some("Ana Ruiz"), black_box("spend 3"))
        })
    });
}

criterion_group!(benches, bench);
criterion_main!(benches);
