package io.ctimw.adapters.ctiws;

/** The same contract with a CTI that sends cids as JSON numbers (the guide's HTTP examples). */
class WsCtiGatewayNumericCidTest extends WsCtiGatewayTest {
    @Override
    protected boolean cidAsNumber() {
        return true;
    }
}
