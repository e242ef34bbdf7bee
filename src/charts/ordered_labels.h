// Labels (groups, settings, strategies) numbered in the order they first appear in a file,
// so every chart of a folder gives a label the same colour and place.
#pragma once
#include <string>
#include <vector>

namespace tsunagari::charts {

class OrderedLabels {
public:
    // The label's index, adding it at the end if new.
    size_t indexOf(const std::string& label) {
        for (size_t i = 0; i < m_labels.size(); ++i)
            if (m_labels[i] == label) return i;
        m_labels.push_back(label);
        return m_labels.size() - 1;
    }
    [[nodiscard]] const std::vector<std::string>& labels() const { return m_labels; }
    [[nodiscard]] size_t size() const { return m_labels.size(); }

private:
    std::vector<std::string> m_labels;
};

}  // namespace tsunagari::charts
