package org.nestor.core.command.pool;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.nestor.core.pool.PeerEndpoint;

/** What a peer runs on this node: one request of the peer protocol on standard input, the answer out. */
@Service
@Command(scope = "pool", name = "serve", description = "Answers one peer protocol request read on standard input "
        + "(JSON; what peers run over SSH, see docs/architecture.md)")
public class ServeCommand implements Action {

    @Reference
    PeerEndpoint endpoint;

    @Override
    public Object execute() throws IOException {
        System.out.println(endpoint.answer(new String(System.in.readAllBytes(), StandardCharsets.UTF_8)));
        return null;
    }
}
