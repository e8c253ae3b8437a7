package io.github.rackimages.fake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.rackimages.core.ImageCatalogException;
import org.junit.jupiter.api.Test;

class FaultScriptTest {

  @Test
  void scriptedFaultsAreThrownInOrderThenCallsPassAgain() {
    FaultScript script = new FaultScript();
    script.failNext(2, Faults.of(() -> new ImageCatalogException("first")));
    script.failNext(1, Faults.of(() -> new ImageCatalogException("second")));

    assertThat(script.pendingFaults()).isEqualTo(3);
    assertThatThrownBy(script::throwNextFault).hasMessage("first");
    assertThatThrownBy(script::throwNextFault).hasMessage("first");
    assertThatThrownBy(script::throwNextFault).hasMessage("second");
    assertThatCode(script::throwNextFault).doesNotThrowAnyException();
    assertThat(script.pendingFaults()).isZero();
  }

  @Test
  void countingCallsNeitherConsumesNorDependsOnFaults() {
    FaultScript script = new FaultScript();
    script.failNext(1, Faults.of(() -> new ImageCatalogException("scripted")));

    script.countCall();
    script.countCall();

    assertThat(script.pendingFaults()).isEqualTo(1);
    assertThat(script.resetCallCount()).isEqualTo(2);
    assertThat(script.callCount()).isZero();
  }

  @Test
  void clearDropsEveryPendingFault() {
    FaultScript script = new FaultScript();
    script.failNext(3, Faults.of(() -> new ImageCatalogException("scripted")));

    script.clear();

    assertThat(script.pendingFaults()).isZero();
    assertThatCode(script::throwNextFault).doesNotThrowAnyException();
  }
}
