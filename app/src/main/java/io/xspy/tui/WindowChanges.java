package io.xspy.tui;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;

/**
 * Tells of every SIGWINCH, even when a burst of resizes ends at the size it began with: Lanterna
 * reports a resize only when the size it reads differs, yet the terminal may have clipped or blanked
 * the screen meanwhile. Through reflection, as Lanterna does, so the build uses no internal API.
 */
final class WindowChanges {
    private WindowChanges() {}

    /**
     * Runs {@code then} on every SIGWINCH, then the handler installed before (Lanterna's, which
     * re-reads the size). Returns false where there is no such signal; resizes are still seen by size.
     */
    static boolean watch(Runnable then) {
        try {
            Class<?> signalClass = Class.forName("sun.misc.Signal");
            Class<?> handlerClass = Class.forName("sun.misc.SignalHandler");
            Object winch = signalClass.getConstructor(String.class).newInstance("WINCH");
            Method handle = signalClass.getMethod("handle", signalClass, handlerClass);
            Method handlerMethod = handlerClass.getMethod("handle", signalClass);
            Chained chained = new Chained(then, handlerClass, handlerMethod);
            Object handler = Proxy.newProxyInstance(WindowChanges.class.getClassLoader(), new Class<?>[] {handlerClass}, chained);
            chained.previous = handle.invoke(null, winch, handler);
            return true;
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            return false;
        }
    }

    /** SIG_DFL and SIG_IGN are not handlers to call. */
    private static boolean isDefault(Class<?> handlerClass, Object h) throws ReflectiveOperationException {
        return h == handlerClass.getField("SIG_DFL").get(null) || h == handlerClass.getField("SIG_IGN").get(null);
    }

    /**
     * The handler: {@code then}, then the one installed before. A class, not a lambda: the build's representative
     * run loads it (so the class-data-sharing archive holds it) but installs no handler, and a lambda would be
     * spun up at run time, before the first frame.
     */
    private static final class Chained implements InvocationHandler {
        private final Runnable then;
        private final Class<?> handlerClass;
        private final Method handlerMethod;
        volatile Object previous;

        Chained(Runnable then, Class<?> handlerClass, Method handlerMethod) {
            this.then = then;
            this.handlerClass = handlerClass;
            this.handlerMethod = handlerMethod;
        }

        @Override
        public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
            if (!method.equals(handlerMethod)) return method.invoke(this, args); // Object's methods
            then.run();
            Object next = previous;
            if (next != null && !isDefault(handlerClass, next)) handlerMethod.invoke(next, args);
            return null;
        }
    }
}
