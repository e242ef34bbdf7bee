// Headless outputs of the window: the framebuffer as a PNG, and the per-group summary as JSON.
#pragma once
#include <string>


namespace tsunagari {

class World;

// Reads the back buffer (call after rendering, before display) and saves it as PNG.
// Returns false with a one-line `error`; `distinctColours` counts the colours found.
bool saveFramebuffer(int width, int height, const std::string& path, int& distinctColours, std::string& error);
// The figures of the last EventRecord per group label, the numbers the CLI's summary.json reports:
// {"events_run", "day", "state_hash", "groups": [{label, members, contacts, collaborators, referrals_given,
//  referrals_received, closed_business, complaints, reputation}]}, the shape of the CLI's summary.json.
[[nodiscard]] std::string groupSummaryJson(const World& world);

}  // namespace tsunagari
