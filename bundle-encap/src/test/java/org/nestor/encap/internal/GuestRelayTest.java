package org.nestor.encap.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.nestor.core.action.ActionOptions;
import org.nestor.core.action.ServiceAction;

class GuestRelayTest {

    @Test
    void forwardsTheSelectionAndFlagsButNeverTheDispatch() {
        ActionOptions options = new ActionOptions(List.of("app#1", "app#2"), List.of("web"), List.of(), true, true,
                true, null, false, line -> { });
        assertEquals(List.of("/opt/nestor/bin/nestor", "svc", "stop", "--rid", "app#1,app#2", "--tags", "web",
                "--force", "--dry-run", "--disable-rollback", "web"),
                GuestRelay.command("/opt/nestor/bin/nestor", "web", ServiceAction.STOP, options));
        assertEquals(List.of("/a/bin/nestor", "svc", "start", "web"),
                GuestRelay.command("/a/bin/nestor", "web", ServiceAction.START, ActionOptions.all(line -> { })));
    }
}
