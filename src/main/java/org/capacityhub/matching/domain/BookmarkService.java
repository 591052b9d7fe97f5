package org.capacityhub.matching.domain;

import java.util.List;
import java.util.Optional;

import org.capacityhub.matching.ranking.Viewer;
import org.capacityhub.platform.InvalidInputException;
import org.capacityhub.platform.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Bookmarks: the signed-in person's saved capacity profiles. Saving needs a profile one may see (404 otherwise);
 * the list shows only the profiles one may still see, so a bookmark never reveals more than the profile's
 * visibility allows (a bookmark whose profile became invisible is kept, hidden, and comes back if the profile
 * becomes visible again).
 */
@Service
@Transactional
public class BookmarkService {

    private final BookmarkRepository bookmarks;
    private final ProfileService profiles;
    private final Viewers viewers;
    private final Sides sides;

    BookmarkService(BookmarkRepository bookmarks, ProfileService profiles, Viewers viewers, Sides sides) {
        this.bookmarks = bookmarks;
        this.profiles = profiles;
        this.viewers = viewers;
        this.sides = sides;
    }

    /** Saves a profile the current user may see (404 otherwise), or replaces the note of an existing bookmark. */
    public Bookmark save(long profileId, String note) {
        Profile p = profiles.visible(profileId);
        if (sides.actsFor(p)) {
            throw new InvalidInputException("profileId", "matching.bookmark.own",
                    "This profile is yours: there is no need to save it.");
        }
        long me = sides.me();
        Optional<Bookmark> existing = bookmarks.findByPersonIdAndProfileId(me, profileId);
        if (existing.isPresent()) {
            existing.get().annotate(note);
            return existing.get();
        }
        return bookmarks.save(new Bookmark(me, p, note));
    }

    /** Removes the current user's bookmark of a profile (404 when they have none). */
    public void remove(long profileId) {
        Bookmark b = bookmarks.findByPersonIdAndProfileId(sides.me(), profileId)
                .orElseThrow(() -> new NotFoundException("Bookmark", profileId));
        bookmarks.delete(b);
    }

    /** The current user's bookmarks of profiles they may still see, newest first, with the profiles' entries. */
    @Transactional(readOnly = true)
    public List<Bookmark> mine() {
        Viewer viewer = viewers.current();
        List<Bookmark> visible = bookmarks.findByPersonIdWithProfile(sides.me()).stream()
                .filter(b -> canSee(viewer, b.getProfile())).toList();
        visible.forEach(b -> org.hibernate.Hibernate.initialize(b.getProfile().getEntries()));
        return visible;
    }

    /** The current user's bookmark of a profile, if they have one and may see the profile. */
    @Transactional(readOnly = true)
    public Optional<Bookmark> of(long profileId) {
        Viewer viewer = viewers.current();
        return bookmarks.findByPersonIdAndProfileId(sides.me(), profileId)
                .filter(b -> canSee(viewer, b.getProfile()));
    }

    private boolean canSee(Viewer viewer, Profile p) {
        return viewer.canSee(p.getVisibility(), p.getPersonId(), p.getOrganisationId()) || sides.actsFor(p);
    }
}
