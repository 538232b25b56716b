package io.ctimw.adapters.ctiws;

import io.ctimw.core.model.CallId;
import io.ctimw.core.model.Login;
import io.ctimw.core.port.out.CtiGateway;
import io.ctimw.core.testing.CtiGatewayContract;
import io.ctimw.simulator.CtiSimulator;
import io.ctimw.simulator.ReceivedCommand;
import java.util.List;
import org.junit.jupiter.api.AfterEach;

/** The CTI gateway contract, run against the real WebSocket link and the CTI simulator (string cids). */
class WsCtiGatewayTest extends CtiGatewayContract {
    private CtiSimulator sim;

    /** The simulator's cid type; the guide allows both, so a subclass runs the contract with numbers. */
    protected boolean cidAsNumber() {
        return false;
    }

    @Override
    protected CtiGateway newGateway() {
        sim = CtiSimulator.builder().operators("agent1", "agent2").cidAsNumber(cidAsNumber()).build().start();
        return new WsCtiGateway(LinkHarness.fastSettings(sim.url()));
    }

    @AfterEach
    void closeSimulator() {
        gateway.stop(); // idempotent; first, so that closing the simulator is not seen as a drop
        sim.close();
    }

    @Override
    protected CtiRemote remote() {
        return new CtiRemote() {
            @Override
            public CallId incomingCall(Login login) {
                Object cid = sim.injectIncomingCall(login.value(), "+70010000000");
                return cid instanceof Long number ? CallId.ofNumber(number) : CallId.ofText((String) cid);
            }

            @Override
            public void dropLink() {
                sim.faults().dropAllConnections();
            }

            @Override
            public List<String> commandsReceived(Login login) {
                return sim.receivedCommands().stream().filter(c -> login.value().equals(c.login()))
                        .map(ReceivedCommand::name).toList();
            }
        };
    }
}
