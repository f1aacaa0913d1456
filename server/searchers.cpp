/// @file
/// @brief One Searcher per worker thread, kept up to date with the index.
#include "server/searchers.h"

#include "common/schema.h"

#include <sys/stat.h>

namespace news::serve {

std::vector<Searchers::Identity> Searchers::identities() const {
    std::vector<Identity> out;
    for (const std::string& p : paths_) {
        struct stat st {};
        if (::stat(schema::database_folder(p).c_str(), &st) == 0) out.push_back({st.st_dev, st.st_ino});
        else out.push_back({});
    }
    return out;
}

Worker Searchers::current() {
    Slot* slot = nullptr;
    {
        std::lock_guard lock(mutex_);
        slot = &slots_[std::this_thread::get_id()];  // (an unordered_map's elements stay where they are)
    }
    std::vector<Identity> now = identities();
    if (slot->searcher && now != slot->folders) slot->searcher.reset();  // a folder was swapped (or is being)
    if (slot->searcher && slot->searcher->partial()) slot->searcher.reset();  // (a shard left out: try it again)
    if (slot->searcher) {
        slot->searcher->reopen();
    } else {
        // The Searcher waits for a compaction's swap to end (2 s at most) while it opens.
        slot->searcher = std::make_unique<search::Searcher>(paths_, open_);
        slot->folders = std::move(now);  // (as before opening: a swap meanwhile opens again next time)
        std::lock_guard lock(mutex_);
        ++opened_;
    }
    if (!slot->analyzer) slot->analyzer = std::make_unique<text::Analyzer>("none");
    return {*slot->searcher, *slot->analyzer};
}

void Searchers::discard() {
    std::lock_guard lock(mutex_);
    if (auto it = slots_.find(std::this_thread::get_id()); it != slots_.end()) it->second.searcher.reset();
}

std::size_t Searchers::opened() const {
    std::lock_guard lock(mutex_);
    return opened_;
}

}  // namespace news::serve
