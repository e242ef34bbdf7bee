// Reports rendered from a World as strings: metrics, node and edge tables (CSV, Gephi-ready),
// a JSON summary and the per-archetype text table. Strings so tests can compare bytes.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "world.h"

namespace tsunagari {

// Locale-independent number text: at most 6 significant digits ("%.6g" in the C locale),
// "-0" written as "0". The same value always gives the same bytes.
[[nodiscard]] std::string formatNumber(double value);
// Fixed decimals, locale-independent ("%.*f" in the C locale), for aligned tables.
[[nodiscard]] std::string formatFixed(double value, int decimals);
// One CSV field, quoted (RFC 4180) only when it holds a comma, quote or line break.
[[nodiscard]] std::string csvField(const std::string& text);

// Per event and per group label, one row each (long format).
[[nodiscard]] std::string eventsCsv(const World& world);
// One row per attendee; Id,Label first so Gephi imports it as a node table.
[[nodiscard]] std::string attendeesCsv(const World& world);
// Remembered trust edges in creation order, as a Gephi edge table (Weight = trust today).
[[nodiscard]] std::string edgesCsv(const World& world);

// Average local clustering coefficient of an undirected graph given as sorted, duplicate-free
// neighbour lists, averaged over every node (nodes with fewer than two neighbours count 0,
// as networkx does). 0 for an empty graph.
[[nodiscard]] double averageClustering(const std::vector<std::vector<uint32_t>>& neighbours);

struct NetworkFigures {
    size_t attendees = 0;             // active attendees
    size_t rememberedEdges = 0;       // directed
    size_t collaboratorEdges = 0;     // directed edges at the collaborator stage
    size_t mutualCollaboratorPairs = 0;
    double clustering = 0;            // of the mutual-collaborator graph over active attendees
    // Delivered referrals (on time or late) by the tie they travelled along when made.
    size_t deliveredReferrals = 0;
    size_t deliveredOverWeakTies = 0;  // trust below the friend stage
    size_t deliveredOverStrongTies = 0;
    std::array<size_t, size_t(Stage::Count)> deliveredByStage{};  // stage of the tie when referred
};
[[nodiscard]] NetworkFigures networkFigures(const World& world);

// Scenario, run and per-group figures (from the last event record, as the window shows them)
// plus the network figures, as pretty-printed JSON (keys in a fixed order) ending in a newline.
// `overrides` are the --set assignments the scenario was run with, recorded in order.
// The window saves the same document, so both share one schema (docs/outputs.md).
[[nodiscard]] std::string summaryJson(const World& world, const std::vector<std::string>& overrides = {});

// The per-archetype table printed by the CLI, one line per group label, aligned columns.
[[nodiscard]] std::string archetypeTable(const World& world);

}  // namespace tsunagari
