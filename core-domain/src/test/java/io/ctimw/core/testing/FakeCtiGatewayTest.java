package io.ctimw.core.testing;

import io.ctimw.core.model.CallId;
import io.ctimw.core.model.Login;
import io.ctimw.core.port.out.CtiGateway;
import java.util.List;

/** Keeps the fake honest: it must pass the same contract as the real WebSocket link. */
class FakeCtiGatewayTest extends CtiGatewayContract {
    private FakeCtiGateway fake;

    @Override
    protected CtiGateway newGateway() {
        fake = new FakeCtiGateway("agent1", "agent2");
        return fake;
    }

    @Override
    protected void afterStart(CtiGateway gateway) {
        fake.linkUp();
    }

    @Override
    protected CtiRemote remote() {
        return new CtiRemote() {
            @Override
            public CallId incomingCall(Login login) {
                return fake.incomingCall(login.value());
            }

            @Override
            public void dropLink() {
                fake.linkDown("dropped by test");
                fake.linkUp(); // the fake "reconnects" at once
            }

            @Override
            public List<String> commandsReceived(Login login) {
                return fake.sent().stream().filter(s -> s.login().equals(login)).map(s -> s.command().name()).toList();
            }
        };
    }
}
